import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '@portfolio/application';
import { IdentityProviderBackoff, KeySetUnavailable } from './identity-provider-backoff';
import {
  describeError,
  discoverIssuer,
  discoveryUrl,
  IDENTITY_PROVIDER_TIMEOUT_MS,
  type Fetch,
} from './issuer-discovery';

export type { Fetch } from './issuer-discovery';

/** jose errors of a remote key set that blame the identity provider (no answer, not 200, not a JWKS), not the token. */
const UNAVAILABLE_CODES = new Set([errors.JOSEError.code, errors.JWKSTimeout.code, errors.JWKSInvalid.code]);

/** The `jwks_uri` of an OpenID Connect issuer, from its discovery document. */
export async function discoverJwksUri(issuer: string, fetchImpl: Fetch = fetch): Promise<string> {
  const { jwksUri } = await discoverIssuer(issuer, fetchImpl);
  if (jwksUri === undefined) {
    throw new KeySetUnavailable(`OIDC discovery at ${discoveryUrl(issuer)} gives no usable https jwks_uri`);
  }
  return jwksUri;
}

/** A JWK Set as jose takes it (RFC 7517 §5): an object whose `keys` is an array of objects. */
function isJwkSet(value: unknown): boolean {
  const keys = typeof value === 'object' && value !== null ? (value as { keys?: unknown }).keys : undefined;
  return Array.isArray(keys) && keys.every((key) => typeof key === 'object' && key !== null && !Array.isArray(key));
}

/**
 * The fetch jose's remote key set uses: every request goes through the backoff, and an answer that is not 200 with a
 * key set counts as a failure there (jose would refuse it too, but after the backoff had counted a success).
 */
function jwksFetch(uri: string, backoff: IdentityProviderBackoff, fetchImpl: Fetch): Fetch {
  return ((input: string | URL | Request, init?: RequestInit) =>
    backoff.attempt(`the JWKS at ${uri}`, async () => {
      let body: string;
      try {
        const response = await fetchImpl(input, init);
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        body = await response.text();
        if (!isJwkSet(JSON.parse(body))) throw new Error('the answer is not a JSON Web Key Set');
      } catch (error) {
        throw new KeySetUnavailable(`fetching the JWKS at ${uri} failed: ${describeError(error)}`, { cause: error });
      }
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    })) as Fetch;
}

/**
 * The issuer's signing keys for jwtVerify; throws KeySetUnavailable when they cannot be obtained.
 * The JWKS URL is configured, or discovered once on first use (so that the API starts while the identity provider is
 * down). jose caches the key set itself and refetches it after ten minutes, or, at most every 30 s, when a token
 * names an unknown key (key rotation). Every request to the identity provider, discovery or JWKS, goes through
 * `backoff`: while it is failing, a request carrying a JWT does not cost an outbound request each (KeySetRetryPending).
 */
export function issuerKeys(
  oidc: Pick<OidcConfig, 'issuer' | 'jwksUrl'>,
  backoff: IdentityProviderBackoff,
  fetchImpl: Fetch = fetch,
): JWTVerifyGetKey {
  interface KeySet {
    readonly uri: string;
    readonly getKey: JWTVerifyGetKey;
  }
  let keySet: Promise<KeySet> | undefined;
  const load = async (): Promise<KeySet> => {
    const discovery = `OIDC discovery at ${discoveryUrl(oidc.issuer)}`;
    const uri = oidc.jwksUrl ?? (await backoff.attempt(discovery, () => discoverJwksUri(oidc.issuer, fetchImpl)));
    const getKey = createRemoteJWKSet(new URL(uri), {
      timeoutDuration: IDENTITY_PROVIDER_TIMEOUT_MS,
      [customFetch]: jwksFetch(uri, backoff, fetchImpl),
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
      if (error instanceof KeySetUnavailable) throw error;
      // An unknown key id or an unsupported algorithm is the token's fault; anything else is the fetch's.
      if (error instanceof errors.JOSEError && !UNAVAILABLE_CODES.has(error.code)) throw error;
      throw new KeySetUnavailable(`fetching the JWKS at ${uri} failed: ${describeError(error)}`, { cause: error });
    }
  };
}
