import request from 'supertest';
import type { App } from 'supertest/types';
import type { PortfolioConfig } from '@portfolio/application';
import type { AuthModuleConfig } from '../apps/api/src/auth/auth.module';
import { allEvents } from './support/store-probe';
import { idnumMission } from './support/tech-gouv-requests';
import { bearer, startTestApp, TOKENS, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

// One application for the whole file: nestjs-pino keeps the logger of lines logged outside a request per process.
describe('structured logs', () => {
  const written: string[] = [];
  let testApp: TestApp;
  let http: App;
  const THROTTLE_LIMIT = 3;

  /** Every line written so far, each parsed: one that is not a JSON object fails the test. */
  const lines = (): Record<string, unknown>[] =>
    written
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const requestLine = (requestId: string) => lines().find((line) => line.requestId === requestId && 'status' in line);

  beforeAll(async () => {
    const overrides: Partial<PortfolioConfig> & Pick<AuthModuleConfig, 'authThrottle'> = {
      logLevel: 'info',
      authThrottle: { limit: THROTTLE_LIMIT },
    };
    testApp = await startTestApp('sqlite', overrides, {
      logDestination: { write: (line: string) => void written.push(line) },
    });
    http = testApp.app.getHttpServer();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("writes Nest's own lines as JSON through pino", () => {
    expect(lines()).toContainEqual(
      expect.objectContaining({ level: 30, context: 'NestApplication', msg: 'Nest application successfully started' }),
    );
  });

  it('logs one line per request: its id, the principal, the route template, the status and the duration', async () => {
    const response = await request(http)
      .get('/api/v1/portfolio')
      .set(bearer('reviewer'))
      .set('X-Correlation-Id', 'logs-e2e-portfolio')
      .expect(200);
    expect(response.headers['x-correlation-id']).toBe('logs-e2e-portfolio');
    expect(requestLine('logs-e2e-portfolio')).toEqual({
      level: 30,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pid: process.pid,
      hostname: expect.any(String),
      requestId: 'logs-e2e-portfolio',
      method: 'GET',
      path: '/api/v1/portfolio',
      route: '/api/v1/portfolio',
      status: 200,
      durationMs: expect.any(Number),
      principalId: expect.stringMatching(/^token:reviewer:[0-9a-f]{12}$/),
      msg: 'GET /api/v1/portfolio 200',
    });
  });

  it('gives a command without X-Correlation-Id a new id, the one its events record', async () => {
    const response = await request(http)
      .post('/api/v1/missions')
      .set(bearer('programme-office'))
      .send(idnumMission)
      .expect(201);
    const id = response.headers['x-correlation-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLine(id)).toMatchObject({ route: '/api/v1/missions', status: 201 });
    const [event] = await allEvents(testApp);
    expect(event.metadata.correlationId).toBe(id);
  });

  it('gives a read with an unusable X-Correlation-Id a new id (a command refuses it: it would be recorded)', async () => {
    const response = await request(http)
      .get('/api/v1/portfolio')
      .set(bearer('reviewer'))
      .set('X-Correlation-Id', 'not usable: spaces')
      .expect(200);
    const id = response.headers['x-correlation-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLine(id)).toMatchObject({ route: '/api/v1/portfolio', status: 200 });
  });

  it('logs answered health checks at debug, below the default level, and refused or failing requests as such', async () => {
    await request(http).get('/health/live').set('X-Correlation-Id', 'logs-e2e-probe').expect(200);
    await request(http).get('/api/v1/portfolio').set('X-Correlation-Id', 'logs-e2e-anonymous').expect(401);
    expect(requestLine('logs-e2e-probe')).toBeUndefined();
    expect(requestLine('logs-e2e-anonymous')).toMatchObject({ level: 30, status: 401, route: '/api/v1/portfolio' });
  });

  it('never logs a token, an Authorization header or a cookie', async () => {
    const cookie = 'session=cookie-value-that-must-not-be-logged';
    await request(http).get('/api/v1/portfolio').set(bearer('auditor')).set('Cookie', cookie).expect(200);
    const refused = 'refused-token-Zq8vN3xL0pR7sT2uW5yA1bC4dE6fG9hJ';
    await request(http)
      .get('/api/v1/portfolio?token=query-secret-value')
      .set('Authorization', `Bearer ${refused}`)
      .set('X-Correlation-Id', 'logs-e2e-refused')
      .expect(401);
    expect(requestLine('logs-e2e-refused')).toMatchObject({ status: 401, path: '/api/v1/portfolio' });
    expect(requestLine('logs-e2e-refused')).not.toHaveProperty('principalId');
    const log = written.join('');
    for (const secret of [
      ...Object.values(TOKENS),
      refused,
      'cookie-value-that-must-not-be-logged',
      'query-secret-value',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log.toLowerCase()).not.toContain('authorization');
  });

  it("binds the request's id to the lines logged while handling it", async () => {
    // The throttle's warning is logged by the guard, inside the request whose refused token crosses the limit.
    for (let attempt = 1; attempt <= THROTTLE_LIMIT; attempt += 1) {
      await request(http)
        .get('/api/v1/portfolio')
        .set('Authorization', `Bearer wrong-token-${attempt}-Zq8vN3xL0pR7sT2uW5yA1bC4`)
        .set('X-Correlation-Id', `logs-e2e-guess-${attempt}`)
        .expect((response) => expect([401, 429]).toContain(response.status));
    }
    const warning = lines().find((line) => line.context === 'Auth' && line.level === 40);
    expect(warning).toEqual(
      expect.objectContaining({
        requestId: expect.stringMatching(/^logs-e2e-guess-\d$/),
        msg: expect.stringContaining('too many failed authentications'),
      }),
    );
    expect(requestLine(warning?.requestId as string)).toMatchObject({ status: 401 });
    expect(written.join('')).not.toContain('wrong-token-');
  });
});
