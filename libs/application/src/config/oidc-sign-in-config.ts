// Browser sign-in through the OIDC issuer (ProConnect): the confidential client the service acts as.
import { value, type Env } from './env';
import { estimatedEntropyBits, MIN_TOKEN_ENTROPY_BITS } from './token-entropy';

/** Where the issuer sends the browser back: the service's own callback route, wherever the service is published. */
export const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';
/** ProConnect's scopes for a person's name and organisation (its documentation, "scopes"). */
export const DEFAULT_OIDC_SCOPES = 'openid email given_name usual_name organizational_unit siret';
/** What the service's own key for the sign-in cookie must hold at least, as an API token must. */
const MIN_SECRET_LENGTH = 32;
/** A workspace session lasts a working day unless told otherwise; never less than five minutes, nor over a day. */
export const DEFAULT_SESSION_MAX_AGE_SECONDS = 8 * 3600;
const MIN_SESSION_MAX_AGE_SECONDS = 300;
const MAX_SESSION_MAX_AGE_SECONDS = 86_400;
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The variables that only mean something with browser sign-in (see parseOidcSignIn). */
export const OIDC_SIGN_IN_VARIABLES = [
  'PORTFOLIO_OIDC_CLIENT_ID',
  'PORTFOLIO_OIDC_CLIENT_SECRET',
  'PORTFOLIO_OIDC_REDIRECT_URL',
  'PORTFOLIO_OIDC_SCOPES',
  'PORTFOLIO_SESSION_SECRET',
  'PORTFOLIO_SESSION_MAX_AGE_SECONDS',
] as const;

/** The authorization code flow with PKCE, the service being the confidential client (backend-for-frontend). */
export interface OidcSignInConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The service's public callback URL, as registered with the issuer; its origin is the workspace's. */
  readonly redirectUrl: string;
  /** Space-separated, `openid` among them. */
  readonly scopes: string;
  /**
   * Key material shared by every instance for the short-lived sign-in cookie. Absent: a key drawn at start, which
   * only works while a browser comes back to the instance that sent it away (one instance).
   */
  readonly sessionSecret?: string;
  /** How long the workspace's cookie session lasts, in seconds. */
  readonly sessionMaxAgeSeconds: number;
}

function redirectUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'PORTFOLIO_OIDC_REDIRECT_URL must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return `PORTFOLIO_OIDC_REDIRECT_URL must be an https URL (http only for localhost or 127.0.0.1) (got "${raw}")`;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return `PORTFOLIO_OIDC_REDIRECT_URL must have no credentials, query or fragment (got "${raw}")`;
  }
  // A reverse proxy may publish the service under a path prefix; the route itself is the service's.
  if (!url.pathname.endsWith(OIDC_CALLBACK_PATH)) {
    return `PORTFOLIO_OIDC_REDIRECT_URL must end with the service's callback route ${OIDC_CALLBACK_PATH} (got "${raw}")`;
  }
  return undefined;
}

function scopesProblem(scopes: string): string | undefined {
  const names = scopes.split(/ +/);
  if (!names.every((name) => SCOPE.test(name))) return 'PORTFOLIO_OIDC_SCOPES must be scope names separated by spaces';
  if (!names.includes('openid')) return 'PORTFOLIO_OIDC_SCOPES must include openid';
  return undefined;
}

function secretProblem(secret: string): string | undefined {
  if (secret.length >= MIN_SECRET_LENGTH && estimatedEntropyBits(secret) >= MIN_TOKEN_ENTROPY_BITS) return undefined;
  return (
    `PORTFOLIO_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters holding ${MIN_TOKEN_ENTROPY_BITS} ` +
    'bits of entropy: use `portfolio tokens generate`'
  );
}

function parseSessionMaxAge(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_SESSION_MAX_AGE_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < MIN_SESSION_MAX_AGE_SECONDS || seconds > MAX_SESSION_MAX_AGE_SECONDS) {
    problems.push(
      `PORTFOLIO_SESSION_MAX_AGE_SECONDS must be a whole number of seconds from ${MIN_SESSION_MAX_AGE_SECONDS} to ` +
        `${MAX_SESSION_MAX_AGE_SECONDS} (got "${raw}")`,
    );
  }
  return seconds;
}

/**
 * The browser sign-in settings beside an OIDC issuer: none unless both the client secret and the redirect URL are
 * set (ProConnect serves confidential clients only); any other variable of it set alone is a mistake worth naming.
 */
export function parseOidcSignIn(
  env: Env,
  audience: string | undefined,
  problems: string[],
): OidcSignInConfig | undefined {
  const clientSecret = value(env, 'PORTFOLIO_OIDC_CLIENT_SECRET');
  const redirectUrl = value(env, 'PORTFOLIO_OIDC_REDIRECT_URL');
  if (clientSecret === undefined || redirectUrl === undefined) {
    for (const name of OIDC_SIGN_IN_VARIABLES) {
      if (value(env, name) === undefined) continue;
      problems.push(
        `${name} is set but browser sign-in needs both PORTFOLIO_OIDC_CLIENT_SECRET and PORTFOLIO_OIDC_REDIRECT_URL`,
      );
    }
    return undefined;
  }
  const before = problems.length;
  const clientId = value(env, 'PORTFOLIO_OIDC_CLIENT_ID') ?? audience;
  const scopes = value(env, 'PORTFOLIO_OIDC_SCOPES') ?? DEFAULT_OIDC_SCOPES;
  const sessionSecret = value(env, 'PORTFOLIO_SESSION_SECRET');
  const sessionMaxAgeSeconds = parseSessionMaxAge(value(env, 'PORTFOLIO_SESSION_MAX_AGE_SECONDS'), problems);
  for (const problem of [
    redirectUrlProblem(redirectUrl),
    scopesProblem(scopes),
    sessionSecret === undefined ? undefined : secretProblem(sessionSecret),
  ]) {
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length > before || clientId === undefined) return undefined;
  return {
    clientId,
    clientSecret,
    redirectUrl,
    scopes,
    sessionMaxAgeSeconds,
    ...(sessionSecret !== undefined && { sessionSecret }),
  };
}
