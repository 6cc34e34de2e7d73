import { Logger, type LoggerService } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ROLES, type PortfolioConfig, type Role } from '@portfolio/application';
import type { AuthModuleConfig } from '../apps/api/src/auth/auth.module';
import { ENDPOINT_FIXTURE, ENDPOINTS, type Endpoint } from './support/endpoints';
import { TEST_CLIENT_SECRET } from './support/oidc-authorization';
import { secondsFromNow, startOidcIssuer, TEST_AUDIENCE, type TestOidcIssuer } from './support/oidc-issuer';
import { bearer, startTestApp, TOKENS, type TestApp } from './support/test-app';

/**
 * ARCHITECTURE §6 as a matrix: every endpoint × every kind of caller answers exactly 401, 403 or success.
 *
 * SQLite only: authorization is decided by the guard before any store is touched, so running the matrix again on
 * PostgreSQL would test nothing more and double the time of the suite.
 */

type Credential =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly token: () => Promise<string> }
  | { readonly kind: 'role'; readonly role: Role; readonly token: () => Promise<string> };

interface Caller {
  readonly name: string;
  readonly credential: Credential;
}

const BAD_TOKEN = 'not-a-real-token-0123456789abcdef';
let issuer: TestOidcIssuer;

const CALLERS: readonly Caller[] = [
  { name: 'no credentials', credential: { kind: 'none' } },
  { name: 'a bad token', credential: { kind: 'invalid', token: async () => BAD_TOKEN } },
  {
    name: 'an expired JWT',
    credential: {
      kind: 'invalid',
      token: () => issuer.mint({ sub: 'a', roles: ['admin'], exp: secondsFromNow(-120) }),
    },
  },
  {
    name: 'a JWT from another issuer',
    credential: {
      kind: 'invalid',
      token: () => issuer.mint({ sub: 'a', roles: ['admin'], iss: 'https://idp.example.org' }),
    },
  },
  {
    name: 'a JWT for another audience',
    credential: { kind: 'invalid', token: () => issuer.mint({ sub: 'a', roles: ['admin'], aud: 'another-service' }) },
  },
  ...ROLES.map((role): Caller => ({
    name: `the ${role} API token`,
    credential: { kind: 'role', role, token: async () => TOKENS[role] },
  })),
  ...ROLES.map((role): Caller => ({
    name: `a ${role} JWT`,
    credential: { kind: 'role', role, token: () => issuer.mint({ sub: `agent-${role}`, roles: [role] }) },
  })),
];

const MATRIX_SIZE = ENDPOINTS.length * CALLERS.length;

function expected(endpoint: Endpoint, credential: Credential): 'success' | 401 | 403 {
  if (endpoint.roles.length === 0) return 'success';
  if (credential.kind !== 'role') return 401;
  return endpoint.roles.includes(credential.role) ? 'success' : 403;
}

function call(http: App, endpoint: Endpoint, token: string | undefined): request.Test {
  const pending = endpoint.method === 'GET' ? request(http).get(endpoint.path) : request(http).post(endpoint.path);
  if (token !== undefined) pending.set('Authorization', `Bearer ${token}`);
  if (typeof endpoint.body === 'string') return pending.type('text/plain').send(endpoint.body);
  return endpoint.body === undefined ? pending : pending.send(endpoint.body);
}

/** Neither the body nor any header of a response may quote the credential that was sent. */
function expectNoEcho(response: request.Response, token: string | undefined): void {
  if (token === undefined) return;
  expect(response.text ?? '').not.toContain(token);
  expect(JSON.stringify(response.body ?? null)).not.toContain(token);
  expect(JSON.stringify(response.headers)).not.toContain(token);
}

function expectHelmetHeaders(response: request.Response): void {
  expect(response.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  });
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['content-security-policy']).toEqual(expect.stringContaining("frame-ancestors 'none'"));
}

/** The configuration of an app that accepts the test API tokens and JWTs of the local issuer. */
function withOidc(app: TestApp['config'], throttle: AuthModuleConfig['authThrottle']): Partial<PortfolioConfig> {
  if (app.auth.kind !== 'credentials') throw new Error('the test app has credentials');
  const overrides: Partial<PortfolioConfig> & AuthModuleConfig = {
    auth: {
      ...app.auth,
      oidc: {
        issuer: issuer.issuer,
        audience: TEST_AUDIENCE,
        rolesClaim: 'roles',
        maxTokenAgeSeconds: 3600,
        signIn: {
          clientId: TEST_AUDIENCE,
          clientSecret: TEST_CLIENT_SECRET,
          redirectUrl: 'http://127.0.0.1:9/api/v1/session/oidc/callback',
          scopes: 'openid',
          sessionMaxAgeSeconds: 28_800,
        },
      },
    },
    authThrottle: throttle,
  };
  return overrides;
}

/** startTestApp with OIDC, reusing its own API tokens. */
async function startApp(
  throttle: AuthModuleConfig['authThrottle'],
  overrides: Partial<PortfolioConfig> = {},
): Promise<TestApp> {
  const probe = await startTestApp('sqlite');
  const config = probe.config;
  await probe.close();
  return startTestApp('sqlite', { ...withOidc(config, throttle), ...overrides });
}

beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
});

describe(`access control: ${ENDPOINTS.length} endpoints × ${CALLERS.length} callers = ${MATRIX_SIZE} cells`, () => {
  let testApp: TestApp;
  let http: App;

  beforeAll(async () => {
    // The matrix presents about a hundred bad credentials from one address: throttling is tested on its own below.
    testApp = await startApp({ limit: 1_000_000 });
    http = testApp.app.getHttpServer();
    for (const { path, body } of ENDPOINT_FIXTURE) {
      await request(http).post(path).set(bearer('programme-office')).send(body).expect(201);
    }
    // The fixture's review cycle is checkpointed at once, but in the background: the matrix reads the checkpoint.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const latest = await request(http).get('/api/v1/audit/checkpoint').set(bearer('auditor'));
      if (latest.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists every route the application serves', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = ENDPOINTS.map((endpoint) => {
      const template = endpoint.path
        .split('?')[0]
        .replace(/^\/api\/v1\/projects\/franceconnect/, '/api/v1/projects/{projectId}')
        .replace('/milestones/franceconnect-plus/', '/milestones/{milestoneId}/')
        .replace('/indicators/usagers-franceconnect/', '/indicators/{indicatorId}/')
        .replace(/^\/api\/v1\/review-cycles\/citp-5/, '/api/v1/review-cycles/{cycleId}')
        .replace(/^\/api\/v1\/missions\/IDNUM$/, '/api/v1/missions/{missionCode}')
        .replace(/^\/api\/v1\/sources\/barometre\//, '/api/v1/sources/{series}/')
        .replace(/^\/api\/v1\/admin\/data-subjects\/[^/]+/, '/api/v1/admin/data-subjects/{subjectId}');
      return `${endpoint.method} ${template}`;
    });
    expect(listed).toEqual(expect.arrayContaining(documented));
  });

  describe.each(ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
    '%s',
    (_name, endpoint) => {
      let succeeded = false;

      it.each(CALLERS.map((caller) => [caller.name, caller] as const))('%s', async (_caller, { credential }) => {
        const token = credential.kind === 'none' ? undefined : await credential.token();
        const response = await call(http, endpoint, token);
        const outcome = expected(endpoint, credential);
        if (outcome !== 'success') {
          expect(response.status).toBe(outcome);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        } else if (endpoint.method === 'POST' && succeeded) {
          // A repeated command may be refused by the domain (409, 422), never by access control, never with a 5xx.
          expect([401, 403]).not.toContain(response.status);
          expect(response.status).toBeLessThan(500);
        } else {
          expect(response.status).toBe(endpoint.success);
          succeeded = true;
        }
        expectNoEcho(response, token);
        expectHelmetHeaders(response);
      });
    },
  );
});

describe('security headers', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('gives the API a policy that loads nothing', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/v1/portfolio').set(bearer('reviewer'));
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('lets the Swagger UI at /docs load its own scripts and inline styles, and nothing else', async () => {
    const http = testApp.app.getHttpServer();
    const page = await request(http).get('/docs').expect(200);
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Every script of the page is a file of /docs itself, which 'self' allows.
    expect(page.text).not.toMatch(/<script>/);
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      await request(http).get(new URL(script, 'http://localhost/docs').pathname).expect(200);
    }
    const json = await request(http).get('/docs-json').expect(200);
    expect(json.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });
});

describe('caching', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('forbids every cache to keep any API answer: reads, refusals, health and the OpenAPI JSON', async () => {
    const http = testApp.app.getHttpServer();
    const answers = [
      await request(http).get('/api/v1/portfolio').set(bearer('reviewer')).expect(200),
      await request(http).get('/api/v1/events').set(bearer('auditor')).expect(200),
      await request(http).get('/api/v1/portfolio').expect(401),
      await request(http).get('/api/v1/admin/projections').set(bearer('reviewer')).expect(403),
      await request(http).get('/api/v1/nowhere').set(bearer('reviewer')).expect(404),
      await request(http).post('/api/v1/missions').set(bearer('programme-office')).send({}).expect(400),
      await request(http).get('/health/live').expect(200),
      await request(http).get('/docs-json').expect(200),
    ];
    for (const answer of answers) expect(answer.headers['cache-control']).toMatch(/(^|, )no-store(,|$)/);
  });
});

describe('throttling of failed authentications', () => {
  const WINDOW_MS = 60_000;
  let now: number;
  let testApp: TestApp;
  let http: App;
  const logged: string[] = [];
  const capture: LoggerService = {
    log: (message: unknown) => logged.push(String(message)),
    error: (message: unknown) => logged.push(String(message)),
    warn: (message: unknown) => logged.push(String(message)),
    debug: (message: unknown) => logged.push(String(message)),
    verbose: (message: unknown) => logged.push(String(message)),
  };

  beforeEach(async () => {
    now = Date.parse('2026-03-02T09:00:00Z');
    testApp = await startApp({ limit: 10, windowMs: WINDOW_MS, clock: { now: () => now } });
    http = testApp.app.getHttpServer();
    logged.length = 0;
    Logger.overrideLogger(capture);
  });
  afterEach(async () => {
    Logger.overrideLogger(false);
    await testApp.close();
  });

  const portfolio = (headers: Record<string, string>) => request(http).get('/api/v1/portfolio').set(headers);

  it('answers 429 to the 11th bad token for the window; valid credentials from its address pass', async () => {
    const badJwt = await issuer.mint({ sub: 'a', roles: ['admin'], aud: 'another-service' });
    for (let i = 1; i <= 10; i += 1) {
      const token = i % 2 === 0 ? badJwt : BAD_TOKEN;
      const refused = await portfolio({ Authorization: `Bearer ${token}` });
      expect(refused.status).toBe(401);
      now += 1_000;
    }
    // A public route stays open to the throttled address.
    await request(http).get('/health/live').expect(200);

    const throttled = await portfolio({ Authorization: `Bearer ${BAD_TOKEN}` }).expect(429);
    expect(throttled.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(throttled.body).toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(throttled.headers['retry-after']).toBe('50');
    expectNoEcho(throttled, BAD_TOKEN);
    expectHelmetHeaders(throttled);

    // Behind a reverse proxy, everybody shares the address: someone else's refused tokens lock nobody out.
    for (let i = 0; i < 5; i += 1) {
      await portfolio(bearer('reviewer')).expect(200);
      const jwt = await issuer.mint({ sub: `agent-${i}`, roles: ['reviewer'] });
      await portfolio({ Authorization: `Bearer ${jwt}` }).expect(200);
      await portfolio({ Authorization: `Bearer ${badJwt}` }).expect(429);
    }

    now += 49_000;
    await portfolio({ Authorization: `Bearer ${BAD_TOKEN}` }).expect(429);
    now += 1_000; // the window of the first failure has passed
    await portfolio({ Authorization: `Bearer ${BAD_TOKEN}` }).expect(401);
    await portfolio(bearer('reviewer')).expect(200);

    const logs = logged.join('\n');
    expect(logs).toContain('too many failed authentications');
    expect(logs).not.toContain(BAD_TOKEN);
    expect(logs).not.toContain(badJwt);
    expect(logs).not.toContain(TOKENS.reviewer);
  });

  it('does not count JWTs refused because the identity provider cannot be reached', async () => {
    const token = await issuer.mint({ sub: 'agent-1', roles: ['reviewer'] });
    issuer.available = false;
    try {
      for (let i = 0; i < 12; i += 1) await portfolio({ Authorization: `Bearer ${token}` }).expect(401);
    } finally {
      issuer.available = true;
    }
    await portfolio(bearer('reviewer')).expect(200);
  });

  it('does not count successes, missing credentials or valid identities without a role', async () => {
    const noRole = await issuer.mint({ sub: 'agent-0', roles: ['owner'] });
    for (let i = 0; i < 30; i += 1) {
      await portfolio(bearer('reviewer')).expect(200);
      await request(http).get('/api/v1/portfolio').expect(401);
      await portfolio({ Authorization: `Bearer ${noRole}` }).expect(403);
    }
    for (let i = 0; i < 9; i += 1) await portfolio({ Authorization: `Bearer ${BAD_TOKEN}` }).expect(401);
    await portfolio(bearer('reviewer')).expect(200);
    await portfolio({ Authorization: `Bearer ${BAD_TOKEN}` }).expect(401);
    await portfolio({ Authorization: `Bearer ${BAD_TOKEN}` }).expect(429);
    await portfolio(bearer('reviewer')).expect(200);
  });
});

describe('what refused tokens are counted against', () => {
  let testApp: TestApp | undefined;
  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  interface Attempt {
    readonly token: string;
    readonly forwardedFor: string;
  }

  /** Refused tokens, each sent with its X-Forwarded-For; the statuses answered. */
  async function present(http: App, attempts: readonly Attempt[]): Promise<number[]> {
    const statuses: number[] = [];
    for (const { token, forwardedFor } of attempts) {
      const response = await request(http)
        .get('/api/v1/portfolio')
        .set({ Authorization: `Bearer ${token}`, 'X-Forwarded-For': forwardedFor });
      statuses.push(response.status);
    }
    return statuses;
  }

  /** `count` attempts; a different bad token each time unless `token` is given. */
  const attempts = (count: number, forwardedFor: (i: number) => string, token?: string): Attempt[] =>
    Array.from({ length: count }, (_, i) => ({ token: token ?? `${BAD_TOKEN}-${i}`, forwardedFor: forwardedFor(i) }));

  it('counts the socket peer without PORTFOLIO_TRUST_PROXY: X-Forwarded-For does not dodge the throttle', async () => {
    testApp = await startApp({ limit: 5 });
    const http = testApp.app.getHttpServer();
    expect(
      await present(
        http,
        attempts(7, (i) => `203.0.113.${i + 1}`),
      ),
    ).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it.each<[string, PortfolioConfig['trustProxy']]>([
    ['one proxy hop', 1],
    ['the loopback proxy', ['loopback']],
  ])('counts the address a trusted proxy gives, with PORTFOLIO_TRUST_PROXY naming %s', async (_case, trustProxy) => {
    testApp = await startApp({ limit: 5 }, { trustProxy });
    const http = testApp.app.getHttpServer();
    // Addresses a client writes itself before the proxy's own entry are not believed.
    expect(
      await present(
        http,
        attempts(6, (i) => `198.51.100.${i + 1}, 203.0.113.7`),
      ),
    ).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await present(http, [{ token: `${BAD_TOKEN}-other`, forwardedFor: '203.0.113.8' }])).toEqual([401]);
    await request(http)
      .get('/api/v1/portfolio')
      .set(bearer('reviewer'))
      .set('X-Forwarded-For', '203.0.113.7')
      .expect(200);
  });

  it('counts one refused token replayed from many addresses against the token itself', async () => {
    testApp = await startApp({ limit: 5 }, { trustProxy: 1 });
    const http = testApp.app.getHttpServer();
    const replayed = `${BAD_TOKEN}-replayed`;
    expect(
      await present(
        http,
        attempts(7, (i) => `203.0.113.${i + 1}`, replayed),
      ),
    ).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(await present(http, [{ token: `${BAD_TOKEN}-other`, forwardedFor: '203.0.113.99' }])).toEqual([401]);
  });
});
