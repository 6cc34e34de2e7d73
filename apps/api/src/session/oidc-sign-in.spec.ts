import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { OidcConfig, OidcSignInConfig } from '@portfolio/application';
import { CredentialVerifier } from '../auth/credential-verifier';
import type { Fetch } from '../auth/issuer-discovery';
import { OidcSignIn, SignInRefused, type CallbackQuery } from './oidc-sign-in';

const ISSUER = 'https://idp.example.gouv.fr/api/v2';
const CLIENT: OidcSignInConfig = {
  clientId: 'portfolio-web',
  clientSecret: 'the-client-secret',
  redirectUrl: 'https://portefeuille.example.gouv.fr/api/v1/session/oidc/callback',
  scopes: 'openid given_name usual_name',
  sessionMaxAgeSeconds: 3600,
};
const OIDC: OidcConfig = { issuer: ISSUER, audience: 'portfolio', rolesClaim: 'roles', maxTokenAgeSeconds: 3600 };
const now = () => Math.floor(Date.now() / 1000);

interface TokenRequest {
  readonly authorization: string | null;
  readonly form: URLSearchParams;
}

/** An issuer that only takes client_secret_post, answering the token request with `idToken(nonce)`. */
function issuerFetch(idToken: (form: URLSearchParams) => Promise<string>, requests: TokenRequest[]): Fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url === `${ISSUER}/.well-known/openid-configuration`) {
      return Response.json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    }
    if (url === `${ISSUER}/token`) {
      const form = new URLSearchParams(String(init?.body));
      requests.push({ authorization: new Headers(init?.headers).get('authorization'), form });
      return Response.json({ id_token: await idToken(form), access_token: 'a', token_type: 'Bearer' });
    }
    return new Response('{}', { status: 404 });
  }) as Fetch;
}

describe('OidcSignIn', () => {
  let privateKey: CryptoKey;
  let verifier: CredentialVerifier;
  let nonceOf: (form: URLSearchParams) => string;
  const requests: TokenRequest[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    verifier = new CredentialVerifier(
      { kind: 'credentials', apiTokens: [], oidc: { ...OIDC, signIn: CLIENT } },
      { keys },
    );
  });

  const mint = (nonce: string) =>
    new SignJWT({ nonce, roles: 'auditor', given_name: 'Inès', usual_name: 'Roy' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(CLIENT.clientId)
      .setSubject('ines')
      .setIssuedAt(now())
      .setExpirationTime(now() + 600)
      .sign(privateKey);

  function signIn(): OidcSignIn {
    return new OidcSignIn(OIDC, CLIENT, verifier, { fetch: issuerFetch((form) => mint(nonceOf(form)), requests) });
  }

  /** Starts a sign-in; the issuer will answer with an ID token carrying `nonce` (by default, the one asked). */
  async function started(flow: OidcSignIn, nonce?: string) {
    const { authorizationUrl, sealedState } = await flow.start('/audit');
    const asked = new URL(authorizationUrl).searchParams;
    nonceOf = () => nonce ?? asked.get('nonce') ?? '';
    return { state: asked.get('state') ?? '', sealedState };
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error instanceof SignInRefused ? error.reason : error),
    );

  it('sends the client secret in the form when the issuer only takes client_secret_post', async () => {
    const flow = signIn();
    const { state, sealedState } = await started(flow);
    const completed = await flow.complete({ code: 'c-1', state, iss: ISSUER }, sealedState);
    expect(completed).toMatchObject({ returnTo: '/audit', principal: { name: 'Inès Roy', role: 'auditor' } });
    const sent = requests.at(-1);
    expect(sent?.authorization).toBeNull();
    expect(Object.fromEntries(sent?.form ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'c-1',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      redirect_uri: CLIENT.redirectUrl,
      code_verifier: expect.stringMatching(/^[\w-]{43}$/),
    });
  });

  it('refuses an ID token whose nonce is not the sign-in’s', async () => {
    const flow = signIn();
    const { state, sealedState } = await started(flow, 'the-nonce-of-another-sign-in');
    await expect(refusal(flow.complete({ code: 'c-2', state }, sealedState))).resolves.toBe('echec');
  });

  it.each<[string, (state: string) => CallbackQuery, string]>([
    ['names another issuer (RFC 9207 mix-up)', (state) => ({ code: 'c', state, iss: 'https://evil.example' }), 'etat'],
    ['has no code', (state) => ({ state }), 'echec'],
    ['carries an error of the issuer', (state) => ({ state, error: 'server_error' }), 'echec'],
  ])('refuses a callback that %s', async (_case, query, reason) => {
    const flow = signIn();
    const { state, sealedState } = await started(flow);
    await expect(refusal(flow.complete(query(state), sealedState))).resolves.toBe(reason);
  });

  it('says the identity provider is unavailable when its discovery fails', async () => {
    const down = (async () => new Response('', { status: 503 })) as Fetch;
    const flow = new OidcSignIn(OIDC, CLIENT, verifier, { fetch: down });
    await expect(refusal(flow.start('/'))).resolves.toBe('indisponible');
  });
});
