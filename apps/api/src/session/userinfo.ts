// The UserInfo request of a sign-in (OpenID Connect Core §5.3): ProConnect gives the person's claims there only.
import { describeError, IDENTITY_PROVIDER_TIMEOUT_MS, type Fetch } from '../auth/issuer-discovery';

/** What the UserInfo endpoint answered: a signed JWT still to verify, or plain JSON claims over TLS. */
export type UserinfoAnswer =
  { readonly kind: 'jwt'; readonly jwt: string } | { readonly kind: 'json'; readonly claims: Record<string, unknown> };

const MAX_ANSWER_CHARS = 16_384;

function parsedObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** GETs the UserInfo endpoint with the access token; throws an Error (for the log, quoting no token) on failure. */
export async function requestUserinfo(
  endpoint: string,
  accessToken: string,
  fetchImpl: Fetch,
): Promise<UserinfoAnswer> {
  let response: Response;
  let body: string;
  try {
    response = await fetchImpl(endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/jwt, application/json' },
      signal: AbortSignal.timeout(IDENTITY_PROVIDER_TIMEOUT_MS),
    });
    body = await response.text();
  } catch (error) {
    throw new Error(`the UserInfo request to ${endpoint} failed: ${describeError(error)}`);
  }
  if (!response.ok) throw new Error(`the UserInfo endpoint ${endpoint} answered HTTP ${response.status}`);
  if (body.length > MAX_ANSWER_CHARS) throw new Error(`the UserInfo endpoint ${endpoint} answered too much`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/jwt') return { kind: 'jwt', jwt: body.trim() };
  if (type === 'application/json') {
    const claims = parsedObject(body);
    if (claims !== undefined) return { kind: 'json', claims };
  }
  throw new Error(`the UserInfo endpoint ${endpoint} answered neither a JWT nor a JSON object (${type || 'no type'})`);
}
