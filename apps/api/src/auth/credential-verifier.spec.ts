import { createHash } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { type Role, type CredentialsConfig, type OidcConfig } from '@portfolio/application';
import {
  AuthenticationFailure,
  bearerToken,
  CredentialVerifier,
  NoRoleFailure,
  principalFromClaims,
  rolesFromClaim,
} from './credential-verifier';

const ISSUER = 'https://idp.example.gouv.fr';
const AUDIENCE = 'portfolio';
const REVIEWER_TOKEN = 'reviewer-token-0123456789';
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const oidc: OidcConfig = { issuer: ISSUER, audience: AUDIENCE, rolesClaim: 'roles' };
const now = () => Math.floor(Date.now() / 1000);

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
    principalFromClaims(claims, { rolesClaim }, undefined);

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
    expect(principal({ sub: 'a', roles: 'reviewer' })).toEqual({ id: 'a', name: 'a', role: 'reviewer' });
  });

  it('takes the most privileged role: admin > programme-office > auditor > reviewer', () => {
    expect(principal({ sub: 'a', roles: ['reviewer', 'auditor'] }).role).toBe('auditor');
    expect(principal({ sub: 'a', roles: ['auditor', 'programme-office'] }).role).toBe('programme-office');
    expect(principal({ sub: 'a', roles: ['programme-office', 'admin', 'reviewer'] }).role).toBe('admin');
  });

  it('bounds the length of display claims', () => {
    expect(principal({ sub: 'a', roles: 'reviewer', name: 'x'.repeat(10_000) }).name).toHaveLength(256);
  });

  it('refuses a token without a role of ours (403), or without a subject (401)', () => {
    expect(() => principal({ sub: 'a', roles: ['owner'] })).toThrow(NoRoleFailure);
    expect(() => principal({ sub: 'a' })).toThrow(NoRoleFailure);
    // A claim name that exists on every object's prototype is not a claim.
    expect(() => principal({ sub: 'a' }, 'constructor')).toThrow(NoRoleFailure);
    expect(() => principal({ sub: '', roles: 'admin' })).toThrow(AuthenticationFailure);
  });
});

describe('CredentialVerifier', () => {
  let privateKey: CryptoKey;
  let verifier: CredentialVerifier;
  const warnings: string[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
    const credentials: CredentialsConfig = {
      kind: 'credentials',
      apiTokens: [{ role: 'reviewer', sha256: digest(REVIEWER_TOKEN) }],
      oidc,
    };
    verifier = new CredentialVerifier(credentials, { keys: jwks, warn: (message) => warnings.push(message) });
  });

  const mint = (claims: JWTPayload, options: { kid?: string; key?: CryptoKey } = {}) =>
    new SignJWT({ sub: 'agent-1', iss: ISSUER, aud: AUDIENCE, exp: now() + 300, roles: ['admin'], ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'k1' })
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
      id: 'agent-1',
      name: 'Camille',
      role: 'admin',
    });
  });

  it.each<[string, () => Promise<string>]>([
    ['expired beyond the tolerance', () => mint({ exp: now() - 31 - 5 })],
    ['not yet valid beyond the tolerance', () => mint({ nbf: now() + 60 })],
    ['from another issuer', () => mint({ iss: 'https://other.example.org' })],
    ['for another audience', () => mint({ aud: 'other' })],
    ['naming an unknown key', () => mint({}, { kid: 'k2' })],
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

  it('answers 401 and warns, without the token, when the issuer cannot be reached', async () => {
    const messages: string[] = [];
    const unreachable = new CredentialVerifier(
      { kind: 'credentials', apiTokens: [], oidc },
      {
        warn: (message) => messages.push(message),
        fetch: async () => {
          throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
        },
      },
    );
    const token = await mint({});
    const error = await rejection(unreachable.authenticate(`Bearer ${token}`));
    expect(error).toEqual(
      new AuthenticationFailure('the token cannot be verified now (identity provider unavailable)', true),
    );
    expect(messages).toEqual([
      `cannot verify bearer JWTs: OIDC discovery at ${ISSUER}/.well-known/openid-configuration failed: ` +
        'fetch failed (connect ECONNREFUSED)',
    ]);
  });
});
