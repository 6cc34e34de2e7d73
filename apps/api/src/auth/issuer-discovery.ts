// An OpenID Connect issuer's discovery document (OpenID Connect Discovery 1.0 §4), read and checked once per use.
import { KeySetUnavailable } from './identity-provider-backoff';

export type Fetch = typeof fetch;

/** How long any request to the identity provider may take. */
export const IDENTITY_PROVIDER_TIMEOUT_MS = 5000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http on the loopback interface (tests serve their own issuer). */
export function isSecureEndpoint(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
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

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/** The endpoints of the discovery document the service uses; each is an https URL, or absent. */
export interface IssuerMetadata {
  readonly jwksUri?: string;
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
  readonly endSessionEndpoint?: string;
  /** Where the person's claims are, when the ID token does not hold them (ProConnect). */
  readonly userinfoEndpoint?: string;
  /** `token_endpoint_auth_methods_supported`; absent: the specification's default, client_secret_basic. */
  readonly tokenEndpointAuthMethods?: readonly string[];
}

function endpoint(document: Record<string, unknown>, name: string): string | undefined {
  const value = document[name];
  return isSecureEndpoint(value) ? value : undefined;
}

/**
 * Reads `<issuer>/.well-known/openid-configuration`, whose `issuer` must be exactly the configured one; throws
 * KeySetUnavailable when it cannot. An endpoint that is not https is left out, as if not published.
 */
export async function discoverIssuer(issuer: string, fetchImpl: Fetch = fetch): Promise<IssuerMetadata> {
  const url = discoveryUrl(issuer);
  let document: Record<string, unknown>;
  try {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(IDENTITY_PROVIDER_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw new KeySetUnavailable(`OIDC discovery at ${url} failed: ${describeError(error)}`, { cause: error });
  }
  if (document?.issuer !== issuer) {
    throw new KeySetUnavailable(`OIDC discovery at ${url} names the issuer ${JSON.stringify(document?.issuer)}`);
  }
  const methods = document.token_endpoint_auth_methods_supported;
  const metadata: Record<string, unknown> = {
    jwksUri: endpoint(document, 'jwks_uri'),
    authorizationEndpoint: endpoint(document, 'authorization_endpoint'),
    tokenEndpoint: endpoint(document, 'token_endpoint'),
    endSessionEndpoint: endpoint(document, 'end_session_endpoint'),
    userinfoEndpoint: endpoint(document, 'userinfo_endpoint'),
    tokenEndpointAuthMethods:
      Array.isArray(methods) && methods.every((method) => typeof method === 'string') ? methods : undefined,
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as IssuerMetadata;
}
