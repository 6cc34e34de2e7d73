import { Controller, Get, Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import request from 'supertest';
import type { Response } from 'supertest';
import { AuthModule, type AuthModuleConfig } from '../apps/api/src/auth/auth.module';
import { CurrentPrincipal } from '../apps/api/src/auth/current-principal.decorator';
import { Public } from '../apps/api/src/auth/public.decorator';
import { Roles } from '../apps/api/src/auth/roles.decorator';
import { ROLES, type Principal, type Role, ConfigError, loadConfig } from '@portfolio/application';
import { secondsFromNow, startOidcIssuer, TEST_AUDIENCE, type TestOidcIssuer } from './support/oidc-issuer';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @Roles('reviewer', 'admin')
  @Get('reviewed')
  reviewed(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  // Deliberately undecorated: deny by default.
  @Get('forgotten')
  forgotten() {
    return { reached: true };
  }
}

@Controller('admin-area')
@Roles('admin')
class AdminAreaController {
  @Get()
  area(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Public()
  @Get('status')
  status() {
    return { status: 'open' };
  }
}

const API_TOKENS: Readonly<Record<Role, string>> = {
  'programme-office': '6he52x54Rfz_T365m6-_TyBpH0Cce0fwgcAQF0GJZ5M',
  reviewer: 'f8d9CzkNP_z_t3g4zWAKyk4QJy7exdRU26k6d7FvrjM',
  auditor: 'O78N-11GYhxShcJOrTHvQ5c9cKjLfVE3Zpsiw15PKCc',
  admin: 'cjwU7Zfd43GArkm6FhL1pnmbhdhMgjTbCi2gfaWw1z8',
};
const CHALLENGE = 'Bearer realm="portfolio-ledger"';
const INVALID_TOKEN_CHALLENGE = 'Bearer realm="portfolio-ledger", error="invalid_token"';

interface Running {
  readonly app: INestApplication;
  get(path: string, token?: string): request.Test;
}

const running: INestApplication[] = [];
const directories: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-auth-'));
  directories.push(dir);
  return dir;
}

/**
 * A small application: the AuthModule configured from `env` exactly as at start (`testing`: a throttle or backoff
 * of the test's own), and the probe controllers.
 */
async function start(
  env: Record<string, string>,
  dataDir = tempDir(),
  testing: Omit<AuthModuleConfig, 'auth'> = {},
): Promise<Running> {
  const config = loadConfig({ ...env, PORTFOLIO_DATA_DIR: dataDir }, dataDir);
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot({ ...config, ...testing })],
    controllers: [ProbeController, AdminAreaController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  running.push(app);
  return {
    app,
    get: (path, token) => {
      const call = request(app.getHttpServer()).get(path);
      return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
    },
  };
}

/** Neither the body nor any header of a response may quote the credential that was sent. */
function expectNoEcho(response: Response, token: string): void {
  expect(JSON.stringify(response.body)).not.toContain(token);
  expect(response.text ?? '').not.toContain(token);
  expect(JSON.stringify(response.headers)).not.toContain(token);
}

afterAll(async () => {
  for (const app of running) await app.close();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

describe('authentication and roles', () => {
  let issuer: TestOidcIssuer;
  let api: Running;

  beforeAll(async () => {
    issuer = await startOidcIssuer();
    api = await start({
      PORTFOLIO_API_TOKENS: ROLES.map((role) => `${role}:${API_TOKENS[role]}`).join(','),
      PORTFOLIO_OIDC_ISSUER: issuer.issuer,
      PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
    });
  });
  afterAll(async () => {
    await issuer.close();
  });

  describe('public routes', () => {
    it('are open without credentials', async () => {
      await api.get('/probe/open').expect(200, { open: true });
    });

    it('do not even look at credentials', async () => {
      await api.get('/probe/open', 'not-a-valid-token-at-all').expect(200, { open: true });
    });

    it('may be opened inside a controller restricted to a role', async () => {
      await api.get('/admin-area/status').expect(200, { status: 'open' });
    });
  });

  describe('refusals', () => {
    it('answers 401 with a Bearer challenge when no credentials are sent', async () => {
      const response = await api.get('/probe/reviewed').expect(401);
      expect(response.headers['www-authenticate']).toBe(CHALLENGE);
      expect(response.body.message).toBe('missing bearer token');
    });

    it('answers 401 to another authentication scheme', async () => {
      const response = await request(api.app.getHttpServer())
        .get('/probe/reviewed')
        .set('Authorization', `Basic ${Buffer.from(`admin:${API_TOKENS.admin}`).toString('base64')}`)
        .expect(401);
      expect(response.headers['www-authenticate']).toBe(CHALLENGE);
    });

    it.each([
      ['an unknown API token', 'unknown-token-0123456789abcdef'],
      ['an API token with one character changed', `${API_TOKENS.admin.slice(0, -1)}X`],
      ['a JWT-shaped string', 'aaaaaaaaaa.bbbbbbbbbb.cccccccccc'],
    ])('answers 401 invalid_token to %s, without quoting it', async (_case, token) => {
      const response = await api.get('/probe/reviewed', token).expect(401);
      expect(response.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
      expect(response.body.message).toBe('invalid or expired token');
      expectNoEcho(response, token);
    });

    it('authenticates before refusing an undecorated route (401 without credentials)', async () => {
      await api.get('/probe/forgotten').expect(401);
    });
  });

  describe('throttling (20 refused tokens a minute from one address)', () => {
    it('answers 429 to the sender of refused tokens, never to a valid credential from the same address', async () => {
      const shared = await start({
        PORTFOLIO_API_TOKENS: `reviewer:${API_TOKENS.reviewer}`,
        PORTFOLIO_OIDC_ISSUER: issuer.issuer,
        PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
      });
      const guess = 'guessed-token-0123456789abcdef';
      for (let i = 0; i < 20; i += 1) await shared.get('/probe/reviewed', guess).expect(401);
      for (let i = 0; i < 3; i += 1) {
        const refused = await shared.get('/probe/reviewed', guess).expect(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        await shared.get('/probe/reviewed', API_TOKENS.reviewer).expect(200);
        const jwt = await issuer.mint({ sub: `agent-behind-proxy-${i}`, roles: ['reviewer'] });
        await shared.get('/probe/reviewed', jwt).expect(200);
        // No credential guesses nothing: it is told to authenticate, not to wait.
        await shared.get('/probe/reviewed').expect(401);
      }
    });
  });

  describe('API tokens', () => {
    const reviewedBy: Readonly<Record<Role, number>> = {
      'programme-office': 403,
      reviewer: 200,
      auditor: 403,
      admin: 200,
    };

    it.each(ROLES)('%s: @Roles("reviewer", "admin") as the matrix says', async (role) => {
      const response = await api.get('/probe/reviewed', API_TOKENS[role]).expect(reviewedBy[role]);
      expectNoEcho(response, API_TOKENS[role]);
      if (reviewedBy[role] === 200) {
        expect(response.body).toEqual({
          id: expect.stringMatching(new RegExp(`^token:${role}:[0-9a-f]{12}$`)),
          name: `API token (${role})`,
          role,
        });
      } else {
        expect(response.body.message).toBe(`role ${role} may not GET /probe/reviewed`);
      }
    });

    it.each(ROLES)('%s: a controller-wide @Roles("admin")', async (role) => {
      await api.get('/admin-area', API_TOKENS[role]).expect(role === 'admin' ? 200 : 403);
    });

    it.each(ROLES)('%s: an undecorated route is refused (deny by default)', async (role) => {
      const response = await api.get('/probe/forgotten', API_TOKENS[role]).expect(403);
      expect(response.body.message).toBe('this route is not open to any role');
    });

    it('gives each token a stable id that does not disclose it', async () => {
      const first = await api.get('/probe/reviewed', API_TOKENS.reviewer).expect(200);
      const second = await api.get('/probe/reviewed', API_TOKENS.reviewer).expect(200);
      expect(first.body.id).toBe(second.body.id);
      expect(API_TOKENS.reviewer).not.toContain(first.body.id.split(':')[2]);
    });
  });

  describe('OIDC bearer JWTs', () => {
    it('authenticates a valid token, taking the principal from its ProConnect claims', async () => {
      const token = await issuer.mint({
        sub: 'f8b3c1e2-agent-42',
        roles: ['reviewer'],
        claims: {
          given_name: 'Camille',
          usual_name: 'Durand',
          email: 'camille.durand@numerique.gouv.fr',
          organizational_unit: 'DINUM',
          siret: '13002526500013',
        },
      });
      const response = await api.get('/probe/reviewed', token).expect(200);
      expect(response.body).toEqual({
        id: `oidc:${issuer.issuer}#f8b3c1e2-agent-42`,
        name: 'Camille Durand',
        role: 'reviewer',
        organisation: 'DINUM',
      });
      expectNoEcho(response, token);
    });

    it('prefers the name claim, and falls back on the siret for the organisation', async () => {
      const token = await issuer.mint({
        sub: 'agent-7',
        roles: 'admin',
        name: 'Dominique Martin',
        claims: { siret: '13002526500013' },
      });
      await api.get('/probe/reviewed', token).expect(200, {
        id: `oidc:${issuer.issuer}#agent-7`,
        name: 'Dominique Martin',
        role: 'admin',
        organisation: '13002526500013',
      });
    });

    it('verifies RS256 tokens too', async () => {
      const token = await issuer.mint({ sub: 'agent-rs', roles: ['admin'], alg: 'RS256' });
      await api.get('/admin-area', token).expect(200);
    });

    it('takes the most privileged of several roles', async () => {
      const token = await issuer.mint({ sub: 'agent-8', roles: ['reviewer', 'admin', 'auditor'] });
      const response = await api.get('/admin-area', token).expect(200);
      expect(response.body.role).toBe('admin');
    });

    it('applies roles to JWTs as to API tokens', async () => {
      const token = await issuer.mint({ sub: 'agent-9', roles: ['auditor'] });
      await api.get('/probe/reviewed', token).expect(403);
    });

    it.each<[string, string | null]>([
      ['an ID token typed JWT', 'JWT'],
      ['an RFC 9068 access token', 'at+jwt'],
      ['an RFC 9068 access token with the media type prefix', 'application/at+jwt'],
      ['a token without typ', null],
    ])('accepts %s', async (_case, typ) => {
      await api.get('/probe/reviewed', await issuer.mint({ sub: 'agent-typ', roles: ['reviewer'], typ })).expect(200);
    });

    it('tolerates 30 seconds of clock skew on the issue date', async () => {
      const token = await issuer.mint({ sub: 'agent-13', roles: ['reviewer'], iat: secondsFromNow(20) });
      await api.get('/probe/reviewed', token).expect(200);
    });

    it('tolerates 30 seconds of clock skew on expiry', async () => {
      const token = await issuer.mint({ sub: 'agent-10', roles: ['reviewer'], exp: secondsFromNow(-10) });
      await api.get('/probe/reviewed', token).expect(200);
    });

    it.each<[string, () => Promise<string>]>([
      ['an expired token', () => issuer.mint({ sub: 'a', roles: ['admin'], exp: secondsFromNow(-120) })],
      ['a token without expiry', () => issuer.mint({ sub: 'a', roles: ['admin'], exp: null })],
      ['a token without an issue date', () => issuer.mint({ sub: 'a', roles: ['admin'], iat: null })],
      [
        'a token issued in the future',
        () => issuer.mint({ sub: 'a', roles: ['admin'], iat: secondsFromNow(120), exp: secondsFromNow(600) }),
      ],
      [
        'a token issued more than an hour ago',
        () => issuer.mint({ sub: 'a', roles: ['admin'], iat: secondsFromNow(-3700), exp: secondsFromNow(60) }),
      ],
      [
        'a token valid for a hundred years',
        () => issuer.mint({ sub: 'a', roles: ['admin'], exp: secondsFromNow(100 * 365 * 86_400) }),
      ],
      ['a logout token', () => issuer.mint({ sub: 'a', roles: ['admin'], typ: 'logout+jwt' })],
      ['a security event token', () => issuer.mint({ sub: 'a', roles: ['admin'], typ: 'secevent+jwt' })],
      [
        'a token from another issuer',
        () => issuer.mint({ sub: 'a', roles: ['admin'], iss: 'https://idp.example.org' }),
      ],
      ['a token for another audience', () => issuer.mint({ sub: 'a', roles: ['admin'], aud: 'another-service' })],
      ['a token signed by a foreign key', () => issuer.mint({ sub: 'a', roles: ['admin'], key: 'foreign' })],
      [
        'an RS256 token signed by a foreign key',
        () => issuer.mint({ sub: 'a', roles: ['admin'], key: 'foreign', alg: 'RS256' }),
      ],
      [
        'an HS256 token signed with a shared secret',
        () =>
          new SignJWT({ roles: ['admin'] })
            .setProtectedHeader({ alg: 'HS256', kid: 'test-es256' })
            .setSubject('a')
            .setIssuer(issuer.issuer)
            .setAudience(TEST_AUDIENCE)
            .setExpirationTime('5m')
            .sign(new TextEncoder().encode('a-shared-secret-of-32-characters')),
      ],
    ])('refuses %s with 401 invalid_token', async (_case, mint) => {
      const token = await mint();
      const response = await api.get('/probe/reviewed', token).expect(401);
      expect(response.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
      expect(response.body.message).toBe('invalid or expired token');
      expectNoEcho(response, token);
    });

    it('refuses a tampered token', async () => {
      const token = await issuer.mint({ sub: 'agent-11', roles: ['reviewer'] });
      const [header, , signature] = token.split('.');
      const payload = Buffer.from(
        JSON.stringify({
          sub: 'agent-11',
          roles: ['admin'],
          iss: issuer.issuer,
          aud: TEST_AUDIENCE,
          exp: secondsFromNow(300),
        }),
      ).toString('base64url');
      await api.get('/admin-area', `${header}.${payload}.${signature}`).expect(401);
    });

    it.each<[string, string | readonly string[] | undefined]>([
      ['no roles claim', undefined],
      ['no role of ours', ['owner', 'superuser']],
      ['an empty list', []],
    ])('answers 403 to a valid token with %s', async (_case, roles) => {
      const token = await issuer.mint({ sub: 'agent-12', roles });
      const response = await api.get('/probe/reviewed', token).expect(403);
      expect(response.body.message).toBe('the token grants no portfolio role');
    });

    it('reads the discovery document once', async () => {
      const discoveries = () => issuer.requests.filter((path) => path === '/.well-known/openid-configuration').length;
      const fresh = await start({ PORTFOLIO_OIDC_ISSUER: issuer.issuer, PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE });
      const before = discoveries();
      for (let i = 0; i < 3; i += 1) {
        await fresh.get('/probe/reviewed', await issuer.mint({ sub: `agent-${i}`, roles: ['reviewer'] })).expect(200);
      }
      expect(discoveries() - before).toBe(1);
    });

    it('bounds the token age by PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS', async () => {
      const shortLived = await start({
        PORTFOLIO_OIDC_ISSUER: issuer.issuer,
        PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
        PORTFOLIO_OIDC_MAX_TOKEN_AGE_SECONDS: '600',
      });
      const fifteenMinutes = await issuer.mint({
        sub: 'agent-14',
        roles: ['reviewer'],
        iat: secondsFromNow(-60),
        exp: secondsFromNow(840),
      });
      await api.get('/probe/reviewed', fifteenMinutes).expect(200);
      await shortLived.get('/probe/reviewed', fifteenMinutes).expect(401);
      const tenMinutes = await issuer.mint({ sub: 'agent-14', roles: ['reviewer'], exp: secondsFromNow(600) });
      await shortLived.get('/probe/reviewed', tenMinutes).expect(200);
    });
  });

  describe('role mapping', () => {
    let mapped: Running;
    beforeAll(async () => {
      mapped = await start({
        PORTFOLIO_OIDC_ISSUER: issuer.issuer,
        PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
        PORTFOLIO_OIDC_ROLES_CLAIM: 'groups',
        PORTFOLIO_OIDC_ROLE_MAPPING: 'urn:gouv:portfolio:relecteur:reviewer,chef-de-programme:programme-office',
      });
    });

    it('maps the identity provider values onto our roles', async () => {
      const token = await issuer.mint({
        sub: 'agent-20',
        roles: ['urn:gouv:portfolio:relecteur'],
        rolesClaim: 'groups',
      });
      const response = await mapped.get('/probe/reviewed', token).expect(200);
      expect(response.body.role).toBe('reviewer');
    });

    it('takes the most privileged mapped role', async () => {
      const token = await issuer.mint({
        sub: 'agent-21',
        roles: ['urn:gouv:portfolio:relecteur', 'chef-de-programme'],
        rolesClaim: 'groups',
      });
      const response = await mapped.get('/probe/reviewed', token).expect(403);
      expect(response.body.message).toBe('role programme-office may not GET /probe/reviewed');
    });

    it('ignores unmapped values, our own role names included', async () => {
      const token = await issuer.mint({ sub: 'agent-22', roles: ['admin'], rolesClaim: 'groups' });
      await mapped.get('/probe/reviewed', token).expect(403);
    });

    it('reads only the configured claim', async () => {
      const token = await issuer.mint({ sub: 'agent-23', roles: ['urn:gouv:portfolio:relecteur'] });
      await mapped.get('/probe/reviewed', token).expect(403);
    });
  });

  describe('when the identity provider is down', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => {
      warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => {
      issuer.available = true;
      warn.mockRestore();
    });

    const DISCOVERY = '/.well-known/openid-configuration';
    const discoveries = () => issuer.requests.filter((path) => path === DISCOVERY).length;

    it('answers 401 and logs a warning, backs off, then recovers once it is back', async () => {
      let now = 1_000_000;
      const fresh = await start(
        { PORTFOLIO_OIDC_ISSUER: issuer.issuer, PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE },
        undefined,
        {
          identityProviderBackoff: { clock: { now: () => now } },
        },
      );
      const token = await issuer.mint({ sub: 'agent-30', roles: ['reviewer'] });
      issuer.available = false;
      const before = discoveries();
      for (let i = 0; i < 10; i += 1) {
        const response = await fresh.get('/probe/reviewed', token).expect(401);
        expect(response.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
        expect(response.body.message).toBe('the token cannot be verified now (identity provider unavailable)');
      }
      // One request to the identity provider, not ten; one warning, naming it and the next attempt.
      expect(discoveries() - before).toBe(1);
      expect(warn.mock.calls).toEqual([
        [expect.stringMatching(new RegExp(`${issuer.issuer}${DISCOVERY} failed: HTTP 503; next attempt in 1 s$`))],
      ]);
      expect(JSON.stringify(warn.mock.calls)).not.toContain(token);

      now += 1_000;
      await fresh.get('/probe/reviewed', token).expect(401);
      expect(discoveries() - before).toBe(2);
      now += 1_000; // the second failure doubled the wait
      for (let i = 0; i < 5; i += 1) await fresh.get('/probe/reviewed', token).expect(401);
      expect(discoveries() - before).toBe(2);
      expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/next attempt in 2 s$/));

      issuer.available = true;
      await fresh.get('/probe/reviewed', token).expect(401);
      now += 1_000;
      await fresh.get('/probe/reviewed', token).expect(200);
      await fresh.get('/probe/reviewed', token).expect(200);
      expect(discoveries() - before).toBe(3);
    });

    it('answers 401, not 500, when the JWKS cannot be fetched', async () => {
      const fresh = await start({
        PORTFOLIO_OIDC_ISSUER: issuer.issuer,
        PORTFOLIO_OIDC_AUDIENCE: TEST_AUDIENCE,
        PORTFOLIO_OIDC_JWKS_URL: issuer.jwksUri,
      });
      issuer.available = false;
      const token = await issuer.mint({ sub: 'agent-31', roles: ['reviewer'] });
      await fresh.get('/probe/reviewed', token).expect(401);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(issuer.jwksUri));
    });
  });
});

describe('development tokens', () => {
  it('are generated on the embedded store without credentials: one per role, in a 0600 file', async () => {
    const dataDir = tempDir();
    const api = await start({}, dataDir);
    const file = join(dataDir, 'dev-tokens.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const tokens = JSON.parse(readFileSync(file, 'utf8')).tokens as Record<Role, string>;
    expect(Object.keys(tokens).sort()).toEqual([...ROLES].sort());
    await api.get('/probe/reviewed', tokens.reviewer).expect(200);
    await api.get('/probe/reviewed', tokens.auditor).expect(403);
    await api.get('/probe/reviewed').expect(401);
  });

  it('are reused by the next start', async () => {
    const dataDir = tempDir();
    await start({}, dataDir);
    const file = join(dataDir, 'dev-tokens.json');
    const before = readFileSync(file, 'utf8');
    const api = await start({}, dataDir);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const tokens = JSON.parse(before).tokens as Record<Role, string>;
    await api.get('/admin-area', tokens.admin).expect(200);
  });

  it('are never generated for another store: the start is refused', () => {
    const env = { PORTFOLIO_STORE: 'postgres', DATABASE_URL: 'postgres://127.0.0.1/ledger' };
    expect(() => loadConfig(env, tempDir())).toThrow(ConfigError);
    expect(() => loadConfig(env, tempDir())).toThrow(
      /PORTFOLIO_API_TOKENS or PORTFOLIO_OIDC_ISSUER must be configured/,
    );
  });

  it('are not generated when credentials are configured', async () => {
    const dataDir = tempDir();
    await start({ PORTFOLIO_API_TOKENS: `admin:${API_TOKENS.admin}` }, dataDir);
    expect(() => statSync(join(dataDir, 'dev-tokens.json'))).toThrow();
  });
});
