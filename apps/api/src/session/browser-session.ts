// The web workspace's session cookie: the credential the guard takes when a request carries no Authorization header.
import type { IncomingMessage } from 'node:http';
import { cookieValue } from './cookies';

/** Holds the sealed session of a ProConnect sign-in; HttpOnly, SameSite=Strict, sent to the API's paths only. */
export const SESSION_COOKIE = 'portfolio_session';
export const SESSION_COOKIE_PATH = '/api/';
/** Holds the sealed sign-in state between the redirect to the issuer and the callback; SameSite=Lax, as the callback
 * is a top-level navigation from the issuer's site. */
export const SIGN_IN_COOKIE = 'portfolio_sign_in';
export const SIGN_IN_COOKIE_PATH = '/api/v1/session/oidc';

/** Methods that change nothing, which a cross-site page may cause without harm (RFC 9110 §9.2.1). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie-authenticated request that changes something, sent by a page of another origin. */
export class CrossSiteRequestRefused extends Error {
  readonly code = 'cross_site_request';
  constructor(origin: string | undefined) {
    super(
      `a request authenticated by the session cookie that changes something must come from the workspace's own ` +
        `origin (Origin: ${origin === undefined ? 'absent' : JSON.stringify(origin.slice(0, 256))})`,
    );
    this.name = 'CrossSiteRequestRefused';
  }
}

/** The sealed session a request without an Authorization header carries in its session cookie, if any. */
export function sessionCookieOf(request: IncomingMessage): string | undefined {
  if (request.headers.authorization !== undefined) return undefined;
  const sealed = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return sealed === '' ? undefined : sealed;
}

/**
 * CSRF defence for cookie sessions: an unsafe request must carry the workspace's Origin, which browsers send with
 * every POST, PUT, PATCH and DELETE and which no page can forge. SameSite=Strict alone leaves the sibling sites of
 * the same registrable domain free to post; a bearer header cannot be sent by another site, so it needs no check.
 */
export function refuseCrossSite(request: IncomingMessage, workspaceOrigin: string): void {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return;
  const origin = request.headers.origin;
  if (origin !== workspaceOrigin) throw new CrossSiteRequestRefused(origin);
}
