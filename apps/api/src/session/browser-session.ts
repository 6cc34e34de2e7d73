// The web workspace's session cookie: the credential the guard takes when a request carries no Authorization header.
import { isJwtShaped } from '@portfolio/application';
import type { IncomingMessage } from 'node:http';
import { cookieValue } from './cookies';

/** Holds the ID token of a ProConnect sign-in; HttpOnly, SameSite=Strict, sent to the API's paths only. */
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

/** The `Authorization` the request stands for: its own header, else `Bearer <ID token>` of the session cookie. */
export function sessionAuthorization(request: IncomingMessage): {
  authorization: string | string[] | undefined;
  fromCookie: boolean;
} {
  const { authorization } = request.headers;
  if (authorization !== undefined) return { authorization, fromCookie: false };
  const idToken = cookieValue(request.headers.cookie, SESSION_COOKIE);
  // Only what the callback sets is taken: an API token is never a cookie, so that it stays out of the browser's jar.
  if (idToken === undefined || !isJwtShaped(idToken)) return { authorization: undefined, fromCookie: false };
  return { authorization: `Bearer ${idToken}`, fromCookie: true };
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
