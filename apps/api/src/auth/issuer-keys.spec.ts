import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { discoverJwksUri, issuerKeys, KeySetUnavailable, type Fetch } from './issuer-keys';

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
    const keys = issuerKeys({ issuer: ISSUER }, fetch);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
    await jwtVerify(token, keys);
    await jwtVerify(token, keys);
    expect(calls).toEqual([DISCOVERY, `${ISSUER}/jwks`]);
  });

  it('retries a failed discovery on the next use', async () => {
    const calls: string[] = [];
    const keys = issuerKeys({ issuer: ISSUER }, fakeFetch({}, calls));
    await expect(keys({ alg: 'ES256' }, { payload: '', signature: '' })).rejects.toBeInstanceOf(KeySetUnavailable);
    await expect(keys({ alg: 'ES256' }, { payload: '', signature: '' })).rejects.toBeInstanceOf(KeySetUnavailable);
    expect(calls).toEqual([DISCOVERY, DISCOVERY]);
  });

  it('skips discovery when the JWKS URL is configured, and blames the fetch when it fails', async () => {
    const calls: string[] = [];
    const keys = issuerKeys({ issuer: ISSUER, jwksUrl: `${ISSUER}/certs` }, fakeFetch({}, calls));
    const error = await Promise.resolve(keys({ alg: 'ES256' }, { payload: '', signature: '' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KeySetUnavailable);
    expect((error as Error).message).toContain(`fetching the JWKS at ${ISSUER}/certs failed`);
    expect(calls).toEqual([`${ISSUER}/certs`]);
  });
});
