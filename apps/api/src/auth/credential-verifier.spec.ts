import { createHash } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import { type Role, type CredentialsConfig, type OidcConfig } from '@portfolio/application';
import {
  AuthenticationFailure,
  bearerToken,
  CredentialVerifier,
  NoRoleFailure,
  principalFromClaims,
  rolesFromClaim,
} from './credential-verifier';
import { IdentityProviderBackoff } from './identity-provider-backoff';

const ISSUER = 'https://idp.example.gouv.fr';
const AUDIENCE = 'portfolio';
const REVIEWER_TOKEN = 'reviewer-token-0123456789';
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const oidc: OidcConfig = { issuer: ISSUER, audience: AUDIENCE, rolesClaim: 'roles', maxTokenAgeSeconds: 3600 };
const now = () => Math.floor(Date.now() / 1000);
/** In a u-mode pattern a valid surrogate pair is one code point: this only meets the lone ones. */
const LONE_SURROGATE = /\p{Surrogate}/u;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
    ['Bearer', undefined],
    ['Bearer ', undefined],
    ['Bearer a b', undefined],
    ['Basic abc', undefined],
    ['abc', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('rolesFromClaim', () => {
  const mapping = new Map<string, Role>([
    ['urn:gouv:chef', 'programme-office'],
    ['relecteur', 'reviewer'],
  ]);

  it('takes our role names from a string or an array without a mapping', () => {
    expect(rolesFromClaim('admin', undefined)).toEqual(['admin']);
    expect(rolesFromClaim(['reviewer', 'owner', 42, 'auditor'], undefined)).toEqual(['reviewer', 'auditor']);
  });

  it('maps values, and only mapped values count, when there is a mapping', () => {
    expect(rolesFromClaim(['relecteur', 'admin', 'urn:gouv:chef'], mapping)).toEqual(['reviewer', 'programme-office']);
  });

  it.each([undefined, null, 12, { admin: true }, [[]]])('finds no role in %j', (claim) => {
    expect(rolesFromClaim(claim, undefined)).toEqual([]);
  });
});

describe('principalFromClaims', () => {
  const principal = (claims: JWTPayload, rolesClaim = 'roles') =>
    principalFromClaims(claims, { issuer: ISSUER, rolesClaim }, undefined);

  it.each<[string, JWTPayload, string]>([
    ['name', { name: 'Camille Durand', given_name: 'X', usual_name: 'Y', email: 'e@x.fr' }, 'Camille Durand'],
    ['given_name and usual_name', { given_name: 'Camille', usual_name: 'Durand', email: 'e@x.fr' }, 'Camille Durand'],
    ['given_name and family_name', { given_name: 'Camille', family_name: 'Martin' }, 'Camille Martin'],
    ['usual_name alone', { usual_name: 'Durand', email: 'e@x.fr' }, 'Durand'],
    ['email', { email: 'camille@numerique.gouv.fr', name: '  ' }, 'camille@numerique.gouv.fr'],
    ['sub', { name: 42 }, 'agent-1'],
  ])('names the caller from %s', (_case, claims, name) => {
    expect(principal({ sub: 'agent-1', roles: ['reviewer'], ...claims }).name).toBe(name);
  });

  it('takes the organisation from organizational_unit, else siret', () => {
    expect(principal({ sub: 'a', roles: 'reviewer', organizational_unit: 'DINUM', siret: '1' }).organisation).toBe(
      'DINUM',
    );
    expect(principal({ sub: 'a', roles: 'reviewer', siret: '13002526500013' }).organisation).toBe('13002526500013');
    expect(principal({ sub: 'a', roles: 'reviewer' })).toEqual({ id: `oidc:${ISSUER}#a`, name: 'a', role: 'reviewer' });
  });

  it('takes the most privileged role: admin > programme-office > auditor > reviewer', () => {
    expect(principal({ sub: 'a', roles: ['reviewer', 'auditor'] }).role).toBe('auditor');
    expect(principal({ sub: 'a', roles: ['auditor', 'programme-office'] }).role).toBe('programme-office');
    expect(principal({ sub: 'a', roles: ['programme-office', 'admin', 'reviewer'] }).role).toBe('admin');
  });

  it('bounds the length of display claims', () => {
    expect(principal({ sub: 'a', roles: 'reviewer', name: 'x'.repeat(10_000) }).name).toHaveLength(256);
  });

  it('cuts display claims between code points, never inside a surrogate pair', () => {
    const name = principal({ sub: 'a', roles: 'reviewer', name: `${'x'.repeat(255)}😀😀` }).name;
    expect(name).toBe(`${'x'.repeat(255)}😀`);
    expect(name).not.toMatch(LONE_SURROGATE);
    const organisation = principal({ sub: 'a', roles: 'reviewer', organizational_unit: '😀'.repeat(300) }).organisation;
    expect(Array.from(organisation ?? '')).toHaveLength(256);
    expect(organisation).not.toMatch(LONE_SURROGATE);
  });

  it.each([
    ['a NUL', 'Camille\u0000Durand'],
    ['a newline', 'Camille\nDurand'],
    ['an escape sequence', '\u001b[31mCamille'],
    ['a C1 control', 'Camille\u0085Durand'],
    ['a line separator', 'Camille\u2028Durand'],
    ['a right-to-left override', 'Camille \u202egpj.exe'],
    ['a left-to-right isolate', 'Camille \u2066Durand\u2069'],
    ['a right-to-left mark', 'Camille\u200f'],
    ['a lone high surrogate', 'Camille \ud83d'],
    ['a lone low surrogate', '\ude00 Camille'],
    ['a noncharacter, which I-JSON excludes', 'Camille\ufffe'],
  ])('passes over a display claim with %s for the next one', (_case, unsafe) => {
    const claims = { sub: 'agent-1', roles: 'reviewer', email: 'camille@numerique.gouv.fr', siret: '13002526500013' };
    expect(principal({ ...claims, name: unsafe, organizational_unit: unsafe })).toMatchObject({
      name: 'camille@numerique.gouv.fr',
      organisation: '13002526500013',
    });
    expect(principal({ sub: 'agent-1', roles: 'reviewer', given_name: unsafe, usual_name: 'Durand' }).name).toBe(
      'Durand',
    );
  });

  it('keeps letters of every script, combining marks and emoji', () => {
    const name = 'Zoë Ångström-Nguyễn 王秀英 محمد 👩🏽‍💻';
    expect(principal({ sub: 'a', roles: 'reviewer', name }).name).toBe(name);
  });

  it('namespaces the principal id by the issuer, keeping the subject verbatim', () => {
    expect(principal({ sub: 'f8b3c1e2-agent-42', roles: 'reviewer' }).id).toBe(`oidc:${ISSUER}#f8b3c1e2-agent-42`);
    const other = principalFromClaims(
      { sub: 'f8b3c1e2-agent-42', roles: 'reviewer' },
      { issuer: 'https://other.example', rolesClaim: 'roles' },
      undefined,
    );
    expect(other.id).toBe('oidc:https://other.example#f8b3c1e2-agent-42');
  });

  it.each([
    ['empty', ''],
    ['padded with spaces', ' agent-1 '],
    ['longer than 255 characters', 'a'.repeat(256)],
    ['holding a control character', 'agent\u00001'],
    ['holding a lone surrogate', 'agent-\ud800'],
    ['not a string', 42],
  ])('refuses a subject %s (401), rather than trim or cut it into another one', (_case, sub) => {
    expect(() => principal({ sub, roles: 'admin' } as JWTPayload)).toThrow(AuthenticationFailure);
  });

  it('refuses a token without a role of ours (403), or without a subject (401)', () => {
    expect(() => principal({ sub: 'a', roles: ['owner'] })).toThrow(NoRoleFailure);
    expect(() => principal({ sub: 'a' })).toThrow(NoRoleFailure);
    // A claim name that exists on every object's prototype is not a claim.
    expect(() => principal({ sub: 'a' }, 'constructor')).toThrow(NoRoleFailure);
  });
});

describe('CredentialVerifier', () => {
  let privateKey: CryptoKey;
  let verifier: CredentialVerifier;
  let keys: ReturnType<typeof createLocalJWKSet>;
  const warnings: string[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    keys = jwks;
    const credentials: CredentialsConfig = {
      kind: 'credentials',
      apiTokens: [{ role: 'reviewer', sha256: digest(REVIEWER_TOKEN) }],
      oidc,
    };
    verifier = new CredentialVerifier(credentials, { keys: jwks, warn: (message) => warnings.push(message) });
  });

  const mint = (claims: JWTPayload, options: { kid?: string; key?: CryptoKey; typ?: string } = {}) =>
    new SignJWT({
      sub: 'agent-1',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now(),
      exp: now() + 300,
      roles: ['admin'],
      ...claims,
    })
      .setProtectedHeader({
        alg: 'ES256',
        kid: options.kid ?? 'k1',
        ...(options.typ !== undefined && { typ: options.typ }),
      })
      .sign(options.key ?? privateKey);

  it('authenticates an API token as its role, with an id made of its digest', async () => {
    await expect(verifier.authenticate(`Bearer ${REVIEWER_TOKEN}`)).resolves.toEqual({
      id: `token:reviewer:${digest(REVIEWER_TOKEN).slice(0, 12)}`,
      name: 'API token (reviewer)',
      role: 'reviewer',
    });
  });

  it('tells a missing credential from a wrong one', async () => {
    const missing = await rejection(verifier.authenticate(undefined));
    expect(missing).toEqual(new AuthenticationFailure('missing bearer token', false));
    expect((missing as AuthenticationFailure).tokenPresented).toBe(false);
    const wrong = await rejection(verifier.authenticate(`Bearer ${REVIEWER_TOKEN}x`));
    expect(wrong).toBeInstanceOf(AuthenticationFailure);
    expect((wrong as AuthenticationFailure).tokenPresented).toBe(true);
    expect((wrong as Error).message).not.toContain(REVIEWER_TOKEN);
  });

  it('authenticates a JWT', async () => {
    await expect(verifier.authenticate(`Bearer ${await mint({ name: 'Camille' })}`)).resolves.toEqual({
      id: `oidc:${ISSUER}#agent-1`,
      name: 'Camille',
      role: 'admin',
    });
  });

  describe('verifiedIdToken (the ID token of a browser sign-in)', () => {
    const signIn = {
      clientId: 'portfolio-web',
      clientSecret: 's',
      redirectUrl: 'https://x/cb',
      scopes: 'openid',
      sessionMaxAgeSeconds: 3600,
    };
    const signingIn = () =>
      new CredentialVerifier({ kind: 'credentials', apiTokens: [], oidc: { ...oidc, signIn } }, { keys });

    it('takes the nonce of the sign-in that asked for it, and the client id as audience', async () => {
      const idToken = await mint({ aud: 'portfolio-web', nonce: 'n-1', name: 'Camille' });
      await expect(signingIn().verifiedIdToken(idToken, 'n-1')).resolves.toMatchObject({ name: 'Camille' });
    });

    it.each([
      ['another sign-in', { nonce: 'n-2' }],
      ['no', {}],
    ])('refuses an ID token with the nonce of %s', async (_case, claims) => {
      const idToken = await mint({ aud: 'portfolio-web', ...claims });
      await expect(signingIn().verifiedIdToken(idToken, 'n-1')).rejects.toBeInstanceOf(AuthenticationFailure);
    });

    it('refuses an ID token for another client', async () => {
      const idToken = await mint({ aud: 'another-client', nonce: 'n-1' });
      await expect(signingIn().verifiedIdToken(idToken, 'n-1')).rejects.toBeInstanceOf(AuthenticationFailure);
    });

    it('takes a signed UserInfo for the client, without exp or iat', async () => {
      const userinfo = await mint({ aud: 'portfolio-web', iat: undefined, exp: undefined, email: 'c@culture.gouv.fr' });
      await expect(signingIn().verifiedUserinfo(userinfo)).resolves.toMatchObject({ email: 'c@culture.gouv.fr' });
    });

    it.each<[string, () => Promise<string>]>([
      ['for another client', () => mint({ aud: 'another-client' })],
      ['from another issuer', () => mint({ aud: 'portfolio-web', iss: 'https://evil.example' })],
      [
        'signed by a key the issuer does not publish',
        async () => {
          const foreign = await generateKeyPair('ES256');
          return mint({ aud: 'portfolio-web' }, { key: foreign.privateKey });
        },
      ],
      [
        'unsigned (alg none)',
        async () => new UnsecuredJWT({ sub: 'agent-1', iss: ISSUER, aud: 'portfolio-web' }).encode(),
      ],
    ])('refuses a UserInfo %s', async (_case, userinfo) => {
      await expect(signingIn().verifiedUserinfo(await userinfo())).rejects.toBeInstanceOf(AuthenticationFailure);
    });
  });

  it.each(['JWT', 'jwt', 'at+jwt', 'application/at+jwt', 'AT+JWT'])('accepts a JWT typed %j', async (typ) => {
    await expect(verifier.authenticate(`Bearer ${await mint({}, { typ })}`)).resolves.toMatchObject({ role: 'admin' });
  });

  it('accepts an hour-old token issued for an hour, within the tolerance', async () => {
    const issuedAt = now() - 3600 - 20;
    const token = await mint({ iat: issuedAt, exp: issuedAt + 3600 });
    await expect(verifier.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ role: 'admin' });
  });

  it.each<[string, () => Promise<string>]>([
    ['expired beyond the tolerance', () => mint({ exp: now() - 31 - 5 })],
    ['not yet valid beyond the tolerance', () => mint({ nbf: now() + 60 })],
    ['from another issuer', () => mint({ iss: 'https://other.example.org' })],
    ['for another audience', () => mint({ aud: 'other' })],
    ['naming an unknown key', () => mint({}, { kid: 'k2' })],
    ['without iat', () => mint({ iat: undefined })],
    ['issued more than the maximum age ago', () => mint({ iat: now() - 3600 - 31, exp: now() + 60 })],
    ['issued in the future beyond the tolerance', () => mint({ iat: now() + 60, exp: now() + 600 })],
    ['valid for longer than the maximum age', () => mint({ exp: now() + 3601 })],
    ['valid for a hundred years', () => mint({ exp: now() + 100 * 365 * 86_400 })],
    ['typed as a logout token', () => mint({}, { typ: 'logout+jwt' })],
    ['typed as a DPoP proof', () => mint({}, { typ: 'dpop+jwt' })],
    ['typed as a security event', () => mint({}, { typ: 'secevent+jwt' })],
    ['signed by another key', async () => mint({}, { key: (await generateKeyPair('ES256')).privateKey })],
  ])('refuses a JWT %s without a warning', async (_case, token) => {
    warnings.length = 0;
    const error = await rejection(verifier.authenticate(`Bearer ${await token()}`));
    expect(error).toEqual(new AuthenticationFailure('invalid or expired token', true));
    expect(warnings).toEqual([]);
  });

  it('accepts a JWT expired within the 30 s tolerance', async () => {
    await expect(verifier.authenticate(`Bearer ${await mint({ exp: now() - 20 })}`)).resolves.toMatchObject({
      role: 'admin',
    });
  });

  it('refuses JWTs when no issuer is configured', async () => {
    const tokensOnly = new CredentialVerifier({ kind: 'credentials', apiTokens: [] });
    await expect(tokensOnly.authenticate(`Bearer ${await mint({})}`)).rejects.toBeInstanceOf(AuthenticationFailure);
  });

  it('answers 401 when the issuer cannot be reached, warning once per failed request, without the token', async () => {
    const messages: string[] = [];
    let fetches = 0;
    const unreachable = new CredentialVerifier(
      { kind: 'credentials', apiTokens: [], oidc },
      {
        warn: (message) => messages.push(message),
        fetch: async () => {
          fetches += 1;
          throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
        },
        backoff: new IdentityProviderBackoff({ clock: { now: () => 0 } }),
      },
    );
    const token = await mint({});
    for (let i = 0; i < 3; i += 1) {
      const error = await rejection(unreachable.authenticate(`Bearer ${token}`));
      expect(error).toEqual(
        new AuthenticationFailure('the token cannot be verified now (identity provider unavailable)', true),
      );
    }
    expect(messages).toEqual([
      `cannot verify bearer JWTs: OIDC discovery at ${ISSUER}/.well-known/openid-configuration failed: ` +
        'fetch failed (connect ECONNREFUSED); next attempt in 1 s',
    ]);
    expect(fetches).toBe(1);
    expect(unreachable.identityProviderFailures).toBe(1);
  });
});
