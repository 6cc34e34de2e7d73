import { createHash } from 'node:crypto';
import { apiTokenProblem, generateApiToken, isJwtShaped, tokenDigest } from './auth-config';
import { loadConfig } from './load-config';
import { problemsOf } from './testing/config-problems';

const REVIEWER_TOKEN = 'L9WVlMF94zPA9Wl59s4RCoyjscNBhRWr1qPjG9ZCueU';
const ADMIN_TOKEN = 'Nbe0c-XbLXHlgWOLuOxPXog9iFd4lSYoThdiwqYL8hY';
/** Five tokens as `portfolio tokens generate` makes them, for rotation. */
const TOKENS = Array.from({ length: 5 }, generateApiToken);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('auth configuration', () => {
  describe('PORTFOLIO_API_TOKENS', () => {
    it('reads role:token pairs and keeps only their SHA-256 digests', () => {
      const config = loadConfig({ PORTFOLIO_API_TOKENS: ` reviewer:${REVIEWER_TOKEN} , admin:${ADMIN_TOKEN}` }, '/srv');
      expect(config.auth).toEqual({
        kind: 'credentials',
        apiTokens: [
          { role: 'reviewer', sha256: sha256(REVIEWER_TOKEN) },
          { role: 'admin', sha256: sha256(ADMIN_TOKEN) },
        ],
      });
      expect(JSON.stringify(config)).not.toContain(REVIEWER_TOKEN);
    });

    it('accepts every role, and several tokens for one role (rotation)', () => {
      const env = {
        PORTFOLIO_API_TOKENS: [
          `programme-office:${TOKENS[0]}`,
          `reviewer:${TOKENS[1]}`,
          `auditor:${TOKENS[2]}`,
          `admin:${TOKENS[3]}`,
          `admin:${TOKENS[4]}`,
        ].join(','),
      };
      const auth = loadConfig(env, '/srv').auth;
      expect(auth.kind === 'credentials' && auth.apiTokens.map((token) => token.role)).toEqual([
        'programme-office',
        'reviewer',
        'auditor',
        'admin',
        'admin',
      ]);
    });

    it.each([
      ['a missing colon', 'reviewer-token-0123456789', 'entry 1 must be a role:token pair'],
      ['an unknown role', `owner:${TOKENS[0]}`, 'entry 1 must start with one of the roles'],
      ['a short token', 'reviewer:s3cret', 'entry 1: a token must hold at least 128 bits of entropy'],
      [
        'a hand-made token',
        'reviewer:alice-token-0123456789abcdef-2026',
        'entry 1: a token must hold at least 128 bits of entropy',
      ],
      ['12 random bytes in hex', 'reviewer:3f9a0c7d51e2b84696c2d0ae', 'entry 1: a token must hold at least 128'],
      [
        'an actor name (role:name:token is not a format)',
        'reviewer:alice:alice-token-0123456789',
        'entry 1: a token may only hold',
      ],
      ['a token with a space', 'reviewer:two words token 0123456', 'entry 1: a token may only hold'],
      [
        'a JWT-shaped token',
        'reviewer:aaaaaaaa.bbbbbbbb.cccccccc',
        'entry 1: a token must not have the shape of a JWT',
      ],
      ['an empty entry', `reviewer:${REVIEWER_TOKEN},`, 'entry 2 must be a role:token pair'],
      ['a duplicate token', `reviewer:${REVIEWER_TOKEN},admin:${REVIEWER_TOKEN}`, 'entry 2 repeats the token'],
    ])('refuses %s, naming the variable and never quoting the token', (_case, tokens, message) => {
      const problems = problemsOf({ PORTFOLIO_API_TOKENS: tokens });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('PORTFOLIO_API_TOKENS');
      expect(problems[0]).toContain(message);
      for (const secret of ['s3cret', 'alice-token', REVIEWER_TOKEN, TOKENS[0], 'bbbbbbbb', '3f9a0c7d']) {
        expect(problems[0]).not.toContain(secret);
      }
    });
  });

  describe('OIDC', () => {
    const issuer = 'https://auth.agentconnect.gouv.fr/api/v2';

    it('reads the issuer and audience, with the roles claim defaulting to "roles"', () => {
      const config = loadConfig({ PORTFOLIO_OIDC_ISSUER: issuer, PORTFOLIO_OIDC_AUDIENCE: 'portfolio' }, '/srv');
      expect(config.auth).toEqual({
        kind: 'credentials',
        apiTokens: [],
        oidc: { issuer, audience: 'portfolio', rolesClaim: 'roles', maxTokenAgeSeconds: 3600 },
      });
    });

    it('maps e-mail addresses onto roles, as ProConnect gives no roles claim', () => {
      const config = loadConfig(
        {
          PORTFOLIO_OIDC_ISSUER: issuer,
          PORTFOLIO_OIDC_AUDIENCE: 'portfolio',
          PORTFOLIO_OIDC_ROLES_CLAIM: 'email',
          PORTFOLIO_OIDC_ROLE_MAPPING:
            'camille.durand@culture.gouv.fr:reviewer, clara.martin+pilotage@dinum.gouv.fr:admin',
        },
        '/srv',
      );
      expect(config.auth.kind === 'credentials' && config.auth.oidc?.roleMapping).toEqual([
        { claimValue: 'camille.durand@culture.gouv.fr', role: 'reviewer' },
        { claimValue: 'clara.martin+pilotage@dinum.gouv.fr', role: 'admin' },
      ]);
    });

    it('reads the roles claim, a role mapping (claim values may hold colons) and a JWKS URL', () => {
      const config = loadConfig(
        {
          PORTFOLIO_OIDC_ISSUER: issuer,
          PORTFOLIO_OIDC_AUDIENCE: 'portfolio',
          PORTFOLIO_OIDC_ROLES_CLAIM: 'https://portfolio.example/roles',
          PORTFOLIO_OIDC_ROLE_MAPPING: 'dinum-pilotage:programme-office, urn:gouv:relecteur:reviewer,citp-admin:admin',
          PORTFOLIO_OIDC_JWKS_URL: 'https://auth.agentconnect.gouv.fr/api/v2/jwks',
          PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS: '600',
          PORTFOLIO_API_TOKENS: `auditor:${REVIEWER_TOKEN}`,
        },
        '/srv',
      );
      expect(config.auth).toEqual({
        kind: 'credentials',
        apiTokens: [{ role: 'auditor', sha256: sha256(REVIEWER_TOKEN) }],
        oidc: {
          issuer,
          audience: 'portfolio',
          rolesClaim: 'https://portfolio.example/roles',
          roleMapping: [
            { claimValue: 'dinum-pilotage', role: 'programme-office' },
            { claimValue: 'urn:gouv:relecteur', role: 'reviewer' },
            { claimValue: 'citp-admin', role: 'admin' },
          ],
          jwksUrl: 'https://auth.agentconnect.gouv.fr/api/v2/jwks',
          maxTokenAgeSeconds: 600,
        },
      });
    });

    it.each(['http://localhost:4000', 'http://127.0.0.1:4000/realms/test', 'http://[::1]:4000'])(
      'allows http for the loopback issuer %s',
      (loopback) => {
        const config = loadConfig({ PORTFOLIO_OIDC_ISSUER: loopback, PORTFOLIO_OIDC_AUDIENCE: 'a' }, '/srv');
        expect(config.auth.kind === 'credentials' && config.auth.oidc?.issuer).toBe(loopback);
      },
    );

    it.each([
      [{ PORTFOLIO_OIDC_ISSUER: 'http://idp.example.org' }, 'PORTFOLIO_OIDC_ISSUER must be an https URL'],
      [{ PORTFOLIO_OIDC_ISSUER: 'not a url' }, 'PORTFOLIO_OIDC_ISSUER must be an absolute URL'],
      [{ PORTFOLIO_OIDC_ISSUER: 'https://u:p@idp.example.org' }, 'PORTFOLIO_OIDC_ISSUER must not carry credentials'],
      [{ PORTFOLIO_OIDC_ISSUER: 'https://idp.example.org/?x=1' }, 'PORTFOLIO_OIDC_ISSUER must not have a query'],
      [{ PORTFOLIO_OIDC_JWKS_URL: 'http://idp.example.org/jwks' }, 'PORTFOLIO_OIDC_JWKS_URL must be an https URL'],
      [{ PORTFOLIO_OIDC_ROLES_CLAIM: 'my roles' }, 'PORTFOLIO_OIDC_ROLES_CLAIM must be a claim name'],
      [{ PORTFOLIO_OIDC_ROLE_MAPPING: 'chef' }, 'PORTFOLIO_OIDC_ROLE_MAPPING entry 1 must be a claimValue:role pair'],
      [{ PORTFOLIO_OIDC_ROLE_MAPPING: ':admin' }, 'PORTFOLIO_OIDC_ROLE_MAPPING entry 1 must be a claimValue:role pair'],
      [{ PORTFOLIO_OIDC_ROLE_MAPPING: 'chef:owner' }, 'PORTFOLIO_OIDC_ROLE_MAPPING entry 1 maps "chef" to "owner"'],
      [
        { PORTFOLIO_OIDC_ROLE_MAPPING: 'chef:admin,chef:reviewer' },
        'PORTFOLIO_OIDC_ROLE_MAPPING entry 2 maps "chef" a second time',
      ],
      ...['59', '86401', '1h', '-60', '3600.5'].map((age): [Record<string, string>, string] => [
        { PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS: age },
        `PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS must be a whole number of seconds from 60 to 86400 (got "${age}")`,
      ]),
    ])('refuses %j', (variables, message) => {
      const problems = problemsOf({ PORTFOLIO_OIDC_ISSUER: issuer, PORTFOLIO_OIDC_AUDIENCE: 'a', ...variables });
      expect(problems).toEqual([expect.stringContaining(message)]);
    });

    it('requires the audience with the issuer', () => {
      expect(problemsOf({ PORTFOLIO_OIDC_ISSUER: issuer })).toEqual([
        'PORTFOLIO_OIDC_AUDIENCE is required with PORTFOLIO_OIDC_ISSUER',
      ]);
    });

    it('refuses OIDC settings without an issuer, naming each', () => {
      expect(
        problemsOf({
          PORTFOLIO_OIDC_AUDIENCE: 'a',
          PORTFOLIO_OIDC_ROLES_CLAIM: 'groups',
          PORTFOLIO_OIDC_ROLE_MAPPING: 'x:admin',
          PORTFOLIO_OIDC_JWKS_URL: 'https://idp.example.org/jwks',
          PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS: '600',
        }),
      ).toEqual([
        'PORTFOLIO_OIDC_AUDIENCE is set but PORTFOLIO_OIDC_ISSUER is not',
        'PORTFOLIO_OIDC_ROLES_CLAIM is set but PORTFOLIO_OIDC_ISSUER is not',
        'PORTFOLIO_OIDC_ROLE_MAPPING is set but PORTFOLIO_OIDC_ISSUER is not',
        'PORTFOLIO_OIDC_JWKS_URL is set but PORTFOLIO_OIDC_ISSUER is not',
        'PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS is set but PORTFOLIO_OIDC_ISSUER is not',
      ]);
    });
  });

  describe('without credentials', () => {
    it('names a development tokens file in the data directory of the embedded store', () => {
      expect(loadConfig({ PORTFOLIO_DATA_DIR: '/var/lib/portfolio' }, '/srv').auth).toEqual({
        kind: 'dev-tokens',
        file: '/var/lib/portfolio/dev-tokens.json',
      });
    });

    it('refuses to start on PostgreSQL: the service never starts open', () => {
      expect(problemsOf({ PORTFOLIO_STORE: 'postgres', DATABASE_URL: 'postgres://db/ledger' })).toEqual([
        expect.stringMatching(
          /^PORTFOLIO_API_TOKENS or PORTFOLIO_OIDC_ISSUER must be configured with PORTFOLIO_STORE=postgres/,
        ),
      ]);
    });

    it('reports the missing credentials together with the other problems of a PostgreSQL store', () => {
      expect(problemsOf({ PORTFOLIO_STORE: 'postgres' })).toEqual([
        expect.stringContaining('DATABASE_URL'),
        expect.stringContaining('PORTFOLIO_API_TOKENS or PORTFOLIO_OIDC_ISSUER'),
      ]);
    });
  });

  describe('helpers', () => {
    it('tells JWTs by their shape', () => {
      expect(isJwtShaped('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')).toBe(true);
      expect(isJwtShaped('opaque-api-token-0123456789')).toBe(false);
      expect(isJwtShaped('a.b')).toBe(false);
    });

    it('digests tokens with SHA-256', () => {
      expect(tokenDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });

    it('accepts generated base64url tokens', () => {
      expect(apiTokenProblem('q0bG6u7S0o9oQ0xq2m0bXv3lJ0dZ2cZ7xw7d8zq0r6Q')).toBeUndefined();
    });

    it('generates tokens that pass its own checks, every time', () => {
      for (let i = 0; i < 1000; i++) expect(apiTokenProblem(generateApiToken())).toBeUndefined();
    });
  });
});
