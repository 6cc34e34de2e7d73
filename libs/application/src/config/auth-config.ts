import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isRole, ROLES, type Role } from '../auth/principal';
import { value, type Env } from './env';
import { OIDC_SIGN_IN_VARIABLES, parseOidcSignIn } from './oidc-sign-in-config';
import { estimatedEntropyBits, MIN_TOKEN_ENTROPY_BITS } from './token-entropy';
import type { ApiTokenConfig, AuthConfig, OidcConfig, StoreConfig } from './portfolio-config';

/** Name of the generated development tokens file inside the data directory. */
export const DEV_TOKENS_FILE = 'dev-tokens.json';
const MAX_API_TOKEN_LENGTH = 4096;
/** RFC 6750 b64token: what may follow "Bearer " in an Authorization header (so no colon, comma or space). */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Three base64url segments: a compact JWS. An API token must not look like one, or it would be verified as a JWT. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** A top-level claim name: visible ASCII (namespaced claims such as `https://example.org/roles` included). */
const CLAIM_NAME = /^[\x21-\x7e]{1,256}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const OIDC_VARIABLES = [
  'PORTFOLIO_OIDC_AUDIENCE',
  'PORTFOLIO_OIDC_ROLES_CLAIM',
  'PORTFOLIO_OIDC_ROLE_MAPPING',
  'PORTFOLIO_OIDC_JWKS_URL',
  'PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS',
  ...OIDC_SIGN_IN_VARIABLES,
] as const;
/** Unless configured: an hour, the usual lifetime of an access token. */
export const DEFAULT_OIDC_MAX_TOKEN_AGE_SECONDS = 3600;
// From a minute to a day: a token older than that is a replay risk rather than a convenience.
const MIN_TOKEN_AGE_SECONDS = 60;
const MAX_TOKEN_AGE_SECONDS = 86_400;

export function isJwtShaped(token: string): boolean {
  return JWT_SHAPE.test(token);
}

/** A new API token: 32 random bytes, base64url (256 bits, 43 characters). */
export function generateApiToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Lower-case hex SHA-256 of a token: what the configuration keeps instead of the token itself. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Why a string cannot serve as an API token, or undefined when it can. Never quotes the token. */
export function apiTokenProblem(token: string): string | undefined {
  if (token.length > MAX_API_TOKEN_LENGTH) return `a token must be at most ${MAX_API_TOKEN_LENGTH} characters long`;
  if (!B64TOKEN.test(token)) return 'a token may only hold letters, digits and - . _ ~ + / (then = padding)';
  if (isJwtShaped(token)) return 'a token must not have the shape of a JWT (three dot-separated segments)';
  const bits = Math.floor(estimatedEntropyBits(token));
  if (bits < MIN_TOKEN_ENTROPY_BITS) {
    return (
      `a token must hold at least ${MIN_TOKEN_ENTROPY_BITS} bits of entropy, and this one looks guessable ` +
      `(about ${bits} bits): use \`portfolio tokens generate\``
    );
  }
  return undefined;
}

/** `role:token,role:token`. Problems name the entry by its position and never quote a token. */
function parseApiTokens(raw: string, problems: string[]): ApiTokenConfig[] {
  const tokens: ApiTokenConfig[] = [];
  const seen = new Set<string>();
  raw.split(',').forEach((entry, index) => {
    const where = `PORTFOLIO_API_TOKENS entry ${index + 1}`;
    const pair = entry.trim();
    const colon = pair.indexOf(':');
    if (colon < 0) {
      problems.push(`${where} must be a role:token pair`);
      return;
    }
    const role = pair.slice(0, colon).trim();
    const token = pair.slice(colon + 1).trim();
    const tokenProblem = apiTokenProblem(token);
    if (!isRole(role)) problems.push(`${where} must start with one of the roles ${ROLES.join(', ')}`);
    if (tokenProblem !== undefined) problems.push(`${where}: ${tokenProblem}`);
    if (!isRole(role) || tokenProblem !== undefined) return;
    const sha256 = tokenDigest(token);
    if (seen.has(sha256)) problems.push(`${where} repeats the token of an earlier entry`);
    seen.add(sha256);
    tokens.push({ role, sha256 });
  });
  return tokens;
}

/** https, or http on the loopback interface only (tests serve their own issuer). */
function urlProblem(name: string, raw: string, options: { issuer: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${name} must be an absolute URL`;
  }
  if (url.username !== '' || url.password !== '') return `${name} must not carry credentials`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return `${name} must be an https URL (http only for localhost or 127.0.0.1) (got "${raw}")`;
  }
  if (options.issuer && (url.search !== '' || url.hash !== '')) {
    return `${name} must not have a query or fragment (got "${raw}")`;
  }
  return undefined;
}

/** `claimValue:role,...`; the role follows the last colon, so claim values may be URNs. */
function parseRoleMapping(raw: string, problems: string[]): { claimValue: string; role: Role }[] {
  const mapping: { claimValue: string; role: Role }[] = [];
  const seen = new Set<string>();
  raw.split(',').forEach((entry, index) => {
    const where = `PORTFOLIO_OIDC_ROLE_MAPPING entry ${index + 1}`;
    const pair = entry.trim();
    const colon = pair.lastIndexOf(':');
    const claimValue = colon < 0 ? '' : pair.slice(0, colon).trim();
    const role = colon < 0 ? '' : pair.slice(colon + 1).trim();
    if (colon < 0 || claimValue === '') {
      problems.push(`${where} must be a claimValue:role pair (got "${pair}")`);
      return;
    }
    if (!isRole(role)) {
      problems.push(`${where} maps "${claimValue}" to "${role}", which is not one of ${ROLES.join(', ')}`);
      return;
    }
    if (seen.has(claimValue)) problems.push(`${where} maps "${claimValue}" a second time`);
    seen.add(claimValue);
    mapping.push({ claimValue, role });
  });
  return mapping;
}

function parseMaxTokenAge(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_OIDC_MAX_TOKEN_AGE_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < MIN_TOKEN_AGE_SECONDS || seconds > MAX_TOKEN_AGE_SECONDS) {
    problems.push(
      `PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS must be a whole number of seconds from ${MIN_TOKEN_AGE_SECONDS} to ` +
        `${MAX_TOKEN_AGE_SECONDS} (got "${raw}")`,
    );
  }
  return seconds;
}

function parseOidc(env: Env, problems: string[]): OidcConfig | undefined {
  const issuer = value(env, 'PORTFOLIO_OIDC_ISSUER');
  if (issuer === undefined) {
    for (const name of OIDC_VARIABLES) {
      if (value(env, name) !== undefined) problems.push(`${name} is set but PORTFOLIO_OIDC_ISSUER is not`);
    }
    return undefined;
  }
  const before = problems.length;
  const issuerProblem = urlProblem('PORTFOLIO_OIDC_ISSUER', issuer, { issuer: true });
  if (issuerProblem !== undefined) problems.push(issuerProblem);
  const audience = value(env, 'PORTFOLIO_OIDC_AUDIENCE');
  if (audience === undefined) problems.push('PORTFOLIO_OIDC_AUDIENCE is required with PORTFOLIO_OIDC_ISSUER');
  const rolesClaim = value(env, 'PORTFOLIO_OIDC_ROLES_CLAIM') ?? 'roles';
  if (!CLAIM_NAME.test(rolesClaim)) {
    problems.push('PORTFOLIO_OIDC_ROLES_CLAIM must be a claim name (visible ASCII, at most 256 characters)');
  }
  const rawMapping = value(env, 'PORTFOLIO_OIDC_ROLE_MAPPING');
  const roleMapping = rawMapping === undefined ? undefined : parseRoleMapping(rawMapping, problems);
  const jwksUrl = value(env, 'PORTFOLIO_OIDC_JWKS_URL');
  const jwksProblem =
    jwksUrl === undefined ? undefined : urlProblem('PORTFOLIO_OIDC_JWKS_URL', jwksUrl, { issuer: false });
  if (jwksProblem !== undefined) problems.push(jwksProblem);
  const maxTokenAgeSeconds = parseMaxTokenAge(value(env, 'PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS'), problems);
  const signIn = parseOidcSignIn(env, audience, problems);
  if (problems.length > before || audience === undefined) return undefined;
  return {
    issuer,
    audience,
    rolesClaim,
    maxTokenAgeSeconds,
    ...(roleMapping !== undefined && { roleMapping }),
    ...(jwksUrl !== undefined && { jwksUrl }),
    ...(signIn !== undefined && { signIn }),
  };
}

/**
 * The `auth` section of the configuration (ARCHITECTURE §9). Configured API tokens and OIDC may be combined.
 * With neither, the embedded SQLite store gets generated development tokens; any other store refuses to start,
 * so that the service never starts open.
 */
export function parseAuth(
  env: Env,
  context: { readonly dataDir: string; readonly storeKind: StoreConfig['kind'] | undefined },
  problems: string[],
): AuthConfig | undefined {
  const rawTokens = value(env, 'PORTFOLIO_API_TOKENS');
  const apiTokens = rawTokens === undefined ? [] : parseApiTokens(rawTokens, problems);
  const oidc = parseOidc(env, problems);
  if (rawTokens !== undefined || value(env, 'PORTFOLIO_OIDC_ISSUER') !== undefined) {
    return { kind: 'credentials', apiTokens, ...(oidc !== undefined && { oidc }) };
  }
  if (context.storeKind === 'sqlite') return { kind: 'dev-tokens', file: join(context.dataDir, DEV_TOKENS_FILE) };
  // An unknown store is reported already; asking for credentials too would only add noise.
  if (context.storeKind !== undefined) {
    problems.push(
      `PORTFOLIO_API_TOKENS or PORTFOLIO_OIDC_ISSUER must be configured with PORTFOLIO_STORE=${context.storeKind} ` +
        '(development tokens are generated only for the embedded SQLite store)',
    );
  }
  return undefined;
}
