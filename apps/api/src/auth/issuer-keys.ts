import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '@portfolio/application';

export type Fetch = typeof fetch;

/** The identity provider's discovery document or key set could not be obtained; not the caller's fault. */
export class KeySetUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeySetUnavailable';
  }
}

const TIMEOUT_MS = 5000;
/** jose errors of a remote key set that blame the identity provider (no answer, not 200, not a JWKS), not the token. */
const UNAVAILABLE_CODES = new Set([errors.JOSEError.code, errors.JWKSTimeout.code, errors.JWKSInvalid.code]);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isSecureEndpoint(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

/** An error's message with its cause's (fetch puts the network error there), for a log line. */
export function describeError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}

/**
 * The `jwks_uri` of an OpenID Connect issuer (OpenID Connect Discovery 1.0 §4): read from
 * `<issuer>/.well-known/openid-configuration`, whose `issuer` must be exactly the configured one.
 */
export async function discoverJwksUri(issuer: string, fetchImpl: Fetch = fetch): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new KeySetUnavailable(`OIDC discovery at ${url} failed: ${describeError(error)}`, { cause: error });
  }
  if (document?.issuer !== issuer) {
    throw new KeySetUnavailable(`OIDC discovery at ${url} names the issuer ${JSON.stringify(document?.issuer)}`);
  }
  if (typeof document.jwks_uri !== 'string' || !isSecureEndpoint(document.jwks_uri)) {
    throw new KeySetUnavailable(`OIDC discovery at ${url} gives no usable https jwks_uri`);
  }
  return document.jwks_uri;
}

/**
 * The issuer's signing keys for jwtVerify; throws KeySetUnavailable when they cannot be obtained.
 * The JWKS URL is configured, or discovered once on first use (so that the API starts while the identity provider is
 * down); a failed discovery is retried by the next request. jose caches the key set itself and refetches it, at most
 * every 30 s, when a token names an unknown key (key rotation).
 */
export function issuerKeys(oidc: Pick<OidcConfig, 'issuer' | 'jwksUrl'>, fetchImpl?: Fetch): JWTVerifyGetKey {
  interface KeySet {
    readonly uri: string;
    readonly getKey: JWTVerifyGetKey;
  }
  let keySet: Promise<KeySet> | undefined;
  const load = async (): Promise<KeySet> => {
    const uri = oidc.jwksUrl ?? (await discoverJwksUri(oidc.issuer, fetchImpl));
    const getKey = createRemoteJWKSet(new URL(uri), {
      timeoutDuration: TIMEOUT_MS,
      ...(fetchImpl !== undefined && { [customFetch]: fetchImpl }),
    });
    return { uri, getKey };
  };
  const keySetOnce = (): Promise<KeySet> => {
    if (keySet === undefined) {
      const pending = load();
      keySet = pending;
      pending.catch(() => {
        if (keySet === pending) keySet = undefined;
      });
    }
    return keySet;
  };
  return async (header, token) => {
    const { uri, getKey } = await keySetOnce();
    try {
      return await getKey(header, token);
    } catch (error) {
      // An unknown key id or an unsupported algorithm is the token's fault; anything else is the fetch's.
      if (error instanceof errors.JOSEError && !UNAVAILABLE_CODES.has(error.code)) throw error;
      throw new KeySetUnavailable(`fetching the JWKS at ${uri} failed: ${describeError(error)}`, { cause: error });
    }
  };
}
