import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { IdentityProviderBackoff, KeySetRetryPending, KeySetUnavailable } from './identity-provider-backoff';
import { discoverJwksUri, issuerKeys, type Fetch } from './issuer-keys';

const ISSUER = 'https://idp.example.gouv.fr/api/v2';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;

/** A fetch that serves fixed JSON documents by URL and records what was asked. */
function fakeFetch(documents: Record<string, { status?: number; body: unknown }>, calls: string[] = []): Fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    const document = documents[url];
    if (document === undefined) return new Response('{}', { status: 404 });
    return new Response(JSON.stringify(document.body), {
      status: document.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as Fetch;
}

describe('discoverJwksUri', () => {
  it('reads jwks_uri from the discovery document (a trailing slash on the issuer is dropped)', async () => {
    const fetch = fakeFetch({ [DISCOVERY]: { body: { issuer: `${ISSUER}/`, jwks_uri: `${ISSUER}/jwks` } } });
    await expect(discoverJwksUri(`${ISSUER}/`, fetch)).resolves.toBe(`${ISSUER}/jwks`);
  });

  it.each([
    ['answers 500', { status: 500, body: {} }, 'failed: HTTP 500'],
    [
      'names another issuer',
      { body: { issuer: 'https://evil.example', jwks_uri: `${ISSUER}/jwks` } },
      'names the issuer',
    ],
    ['has no jwks_uri', { body: { issuer: ISSUER } }, 'gives no usable https jwks_uri'],
    ['gives an http jwks_uri', { body: { issuer: ISSUER, jwks_uri: 'http://idp.example.gouv.fr/jwks' } }, 'no usable'],
  ])('is unavailable when the document %s', async (_case, document, message) => {
    const error = await discoverJwksUri(ISSUER, fakeFetch({ [DISCOVERY]: document })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeySetUnavailable);
    expect((error as Error).message).toContain(message);
  });
});

describe('issuerKeys', () => {
  let now: number;
  const clock = { now: () => now };
  const backoff = () => new IdentityProviderBackoff({ initialMs: 1_000, maxMs: 8_000, clock });
  const anyKey = (keys: ReturnType<typeof issuerKeys>) =>
    Promise.resolve(keys({ alg: 'ES256' }, { payload: '', signature: '' })).catch((error: unknown) => error);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('discovers once, then verifies with the published keys', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const calls: string[] = [];
    const fetch = fakeFetch(
      {
        [DISCOVERY]: { body: { issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` } },
        [`${ISSUER}/jwks`]: { body: { keys: [jwk] } },
      },
      calls,
    );
    const keys = issuerKeys({ issuer: ISSUER }, backoff(), fetch);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
    await jwtVerify(token, keys);
    await jwtVerify(token, keys);
    expect(calls).toEqual([DISCOVERY, `${ISSUER}/jwks`]);
  });

  it('retries a failed discovery only when its backoff has passed, doubling it up to its cap', async () => {
    const calls: string[] = [];
    const subject = backoff();
    const keys = issuerKeys({ issuer: ISSUER }, subject, fakeFetch({}, calls));
    const failure = await anyKey(keys);
    expect(failure).toBeInstanceOf(KeySetUnavailable);
    expect((failure as Error).message).toBe(`OIDC discovery at ${DISCOVERY} failed: HTTP 404; next attempt in 1 s`);
    for (let i = 0; i < 5; i += 1) expect(await anyKey(keys)).toBeInstanceOf(KeySetRetryPending);
    expect(calls).toHaveLength(1);

    // Due after 1 s, then 2, 4, 8, 8 s: one request each time, none in between.
    for (const delay of [1_000, 2_000, 4_000, 8_000, 8_000]) {
      now += delay - 1;
      expect(await anyKey(keys)).toBeInstanceOf(KeySetRetryPending);
      now += 1;
      expect(await anyKey(keys)).not.toBeInstanceOf(KeySetRetryPending);
    }
    expect(calls).toHaveLength(6);
    expect(subject.failures).toBe(6);
    expect(((await anyKey(keys)) as Error).message).toBe(
      `OIDC discovery at ${DISCOVERY} is not retried for another 8 s after 6 failures in a row`,
    );
  });

  it('counts a discovery document that names another issuer as a failure too', async () => {
    const calls: string[] = [];
    const fetch = fakeFetch(
      { [DISCOVERY]: { body: { issuer: 'https://evil.example', jwks_uri: `${ISSUER}/k` } } },
      calls,
    );
    const keys = issuerKeys({ issuer: ISSUER }, backoff(), fetch);
    await anyKey(keys);
    expect(await anyKey(keys)).toBeInstanceOf(KeySetRetryPending);
    expect(calls).toEqual([DISCOVERY]);
  });

  it.each([
    ['answers 503', { status: 503, body: {} }, 'HTTP 503'],
    ['answers something else than a key set', { body: { keys: 'none' } }, 'not a JSON Web Key Set'],
  ])('backs off a JWKS that %s, and ends the backoff once it answers', async (_case, failing, message) => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const documents: Record<string, { status?: number; body: unknown }> = { [`${ISSUER}/certs`]: failing };
    const calls: string[] = [];
    const subject = backoff();
    const keys = issuerKeys({ issuer: ISSUER, jwksUrl: `${ISSUER}/certs` }, subject, fakeFetch(documents, calls));
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
    const verify = () => jwtVerify(token, keys).catch((error: unknown) => error);

    expect(((await verify()) as Error).message).toContain(message);
    expect(await verify()).toBeInstanceOf(KeySetRetryPending);
    expect(calls).toHaveLength(1);

    documents[`${ISSUER}/certs`] = { body: { keys: [jwk] } };
    now += 1_000;
    expect(await verify()).toMatchObject({ protectedHeader: { kid: 'k1' } });
    expect(calls).toHaveLength(2);
    expect(subject.failures).toBe(1);
  });

  it('skips discovery when the JWKS URL is configured, and blames the fetch when it fails', async () => {
    const calls: string[] = [];
    const keys = issuerKeys({ issuer: ISSUER, jwksUrl: `${ISSUER}/certs` }, backoff(), fakeFetch({}, calls));
    const error = await anyKey(keys);
    expect(error).toBeInstanceOf(KeySetUnavailable);
    expect((error as Error).message).toContain(`fetching the JWKS at ${ISSUER}/certs failed`);
    expect(calls).toEqual([`${ISSUER}/certs`]);
  });
});
