import request from 'supertest';
import type { App } from 'supertest/types';
import { generateApiToken, tokenDigest } from '@portfolio/application';
import { rawStore } from './support/raw-store';
import { parsePrometheusText, sampleValue, type Sample } from './support/prometheus-text';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';
import { bearer, STORE_KINDS, startTestApp, TOKENS, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

const METRICS_TOKEN = generateApiToken();
const PROJECT = franceConnectLaunch.projectId;

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(STORE_KINDS)('GET /metrics on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  const scrape = async (): Promise<Sample[]> => {
    const response = await request(http).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parsePrometheusText(response.text);
  };

  beforeAll(async () => {
    // Checkpoints every 100 ms: the checkpoint age appears without a 10 s wait.
    testApp = await startTestApp(kind, { metricsTokenSha256: tokenDigest(METRICS_TOKEN), checkpointIntervalMs: 100 });
    http = testApp.app.getHttpServer();
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('protection', () => {
    it('refuses a scrape without a token, with a 401 challenge', async () => {
      const response = await request(http).get('/metrics').expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="portfolio-ledger"');
      expect(response.text).not.toContain('portfolio_');
    });

    it.each(['admin', 'auditor'] as const)(
      'refuses the %s API token: the metrics token alone opens them',
      async (role) => {
        const response = await request(http).get('/metrics').set(bearer(role)).expect(401);
        expect(response.headers['www-authenticate']).toBe('Bearer realm="portfolio-ledger", error="invalid_token"');
        expect(response.text).not.toContain('portfolio_');
      },
    );

    it('refuses a wrong token', async () => {
      await request(http).get('/metrics').set('Authorization', `Bearer ${generateApiToken()}`).expect(401);
    });

    it('opens nothing else to the metrics token', async () => {
      await request(http).get('/api/v1/portfolio').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(401);
    });

    it('is served at /metrics only, outside the API prefix', async () => {
      await request(http).get('/api/v1/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
    });
  });

  it('times requests by route template, method and status, never by raw URL', async () => {
    await request(http).post('/api/v1/missions').set(bearer('programme-office')).send(idnumMission).expect(201);
    const launched = await request(http)
      .post('/api/v1/projects')
      .set(bearer('programme-office'))
      .send(franceConnectLaunch)
      .expect(201);
    for (const projectId of [PROJECT, 'made-up-1', 'made-up-2']) {
      await request(http)
        .get(`/api/v1/projects/${projectId}?minPosition=${launched.body.position}`)
        .set(bearer('reviewer'));
    }
    await request(http).get('/api/v1/no-such-route/123').set(bearer('reviewer')).expect(404);

    const samples = await scrape();
    const count = (labels: Record<string, string>) =>
      sampleValue(samples, 'portfolio_http_request_duration_seconds_count', labels);
    expect(count({ method: 'GET', route: '/api/v1/projects/:projectId', status_code: '200' })).toBe(1);
    expect(count({ method: 'GET', route: '/api/v1/projects/:projectId', status_code: '404' })).toBe(2);
    expect(count({ method: 'POST', route: '/api/v1/projects', status_code: '201' })).toBe(1);
    expect(count({ method: 'GET', route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    const routes = new Set(samples.filter((s) => s.name.startsWith('portfolio_http_')).map((s) => s.labels.route));
    for (const route of routes) expect(route).not.toMatch(/franceconnect|made-up|no-such-route/);
    expect(
      sampleValue(samples, 'portfolio_http_request_duration_seconds_bucket', {
        le: '+Inf',
        method: 'GET',
        route: '/api/v1/projects/:projectId',
        status_code: '404',
      }),
    ).toBe(2);
  });

  it('counts the events appended, by command, and each command by outcome', async () => {
    const before = sampleValue(await scrape(), 'portfolio_events_appended_total', { command: 'RecordMeasurements' });
    const measure = () =>
      request(http)
        .post(`/api/v1/projects/${PROJECT}/measurements:batch`)
        .set(bearer('programme-office'))
        .set('Idempotency-Key', `metrics-${kind}`)
        .send({
          measurements: [
            { indicatorId: 'usagers-franceconnect', value: 27, period: '2021-06-30' },
            { indicatorId: 'usagers-franceconnect', value: 28, period: '2021-07-31' },
          ],
        })
        .expect(201);
    await measure();
    await measure(); // the same key again: answered from the first, nothing appended
    await request(http)
      .post('/api/v1/missions')
      .set(bearer('programme-office'))
      .send(idnumMission)
      .expect((response) => expect(response.status).toBeGreaterThanOrEqual(400));

    const samples = await scrape();
    expect(before).toBeUndefined();
    expect(sampleValue(samples, 'portfolio_events_appended_total', { command: 'RecordMeasurements' })).toBe(2);
    expect(sampleValue(samples, 'portfolio_events_appended_total', { command: 'DefineMission' })).toBe(1);
    expect(sampleValue(samples, 'portfolio_events_appended_total', { command: 'LaunchProject' })).toBe(1);
    const commands = (labels: Record<string, string>) =>
      sampleValue(samples, 'portfolio_command_duration_seconds_count', labels);
    expect(commands({ command: 'RecordMeasurements', outcome: 'appended' })).toBe(1);
    expect(commands({ command: 'RecordMeasurements', outcome: 'replayed' })).toBe(1);
    expect(commands({ command: 'DefineMission', outcome: 'refused' })).toBe(1);
  });

  it("reports each projector's lag and position, the log's head and the checkpoint's age at scrape time", async () => {
    // Four events so far: the mission, the launch and the two measurements (positions 1 to 4 on the SQL stores).
    const samples = await until(async () => {
      const scraped = await scrape();
      const settled =
        sampleValue(scraped, 'portfolio_projection_lag', { projector: 'portfolio' }) === 0 &&
        sampleValue(scraped, 'portfolio_checkpoint_tree_size') === 4;
      return settled ? scraped : undefined;
    }, 'the projections and a checkpoint to cover the log');
    expect(sampleValue(samples, 'portfolio_log_head_position')).toBe(4);
    const projectors = samples.filter((s) => s.name === 'portfolio_projection_lag').map((s) => s.labels.projector);
    expect(projectors).toEqual(expect.arrayContaining(['portfolio', 'audit-log']));
    for (const projector of projectors) {
      expect(sampleValue(samples, 'portfolio_projection_lag', { projector })).toBe(0);
      expect(sampleValue(samples, 'portfolio_projection_position', { projector })).toBe(4);
      expect(sampleValue(samples, 'portfolio_projection_state', { projector, state: 'live' })).toBe(1);
    }
    const age = sampleValue(samples, 'portfolio_checkpoint_age_seconds');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(600);
    expect(sampleValue(samples, 'portfolio_projection_rebuild_progress_percent')).toBeUndefined();
    expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('reports the progress of a rebuild', async () => {
    await request(http).post('/api/v1/admin/projections/rebuild').set(bearer('admin')).expect(202);
    const samples = await until(async () => {
      const scraped = await scrape();
      return sampleValue(scraped, 'portfolio_projection_rebuild_running') === 0 ? scraped : undefined;
    }, 'the rebuild to finish');
    expect(sampleValue(samples, 'portfolio_projection_rebuild_progress_percent')).toBe(100);
  });

  it('counts the live verifications by outcome', async () => {
    const before = await scrape();
    expect(sampleValue(before, 'portfolio_audit_verifications_total', { outcome: 'intact' })).toBe(0);
    await request(http).get('/api/v1/audit/verify').set(bearer('auditor')).expect(200);
    await request(http).get('/api/v1/audit/verify').set(bearer('admin')).expect(200);
    const after = await scrape();
    expect(sampleValue(after, 'portfolio_audit_verifications_total', { outcome: 'intact' })).toBe(2);
    expect(sampleValue(after, 'portfolio_audit_verifications_total', { outcome: 'tampered' })).toBe(0);
  });

  // Last: the log stays tampered with.
  it('counts a verification that finds the log tampered with', async () => {
    const raw = rawStore(testApp);
    try {
      await raw.run('UPDATE events SET data = ? WHERE position = ?', '{"value":99}', 2);
    } finally {
      await raw.close();
    }
    const { body } = await request(http).get('/api/v1/audit/verify').set(bearer('auditor')).expect(200);
    expect(body.ok).toBe(false);
    const samples = await scrape();
    expect(sampleValue(samples, 'portfolio_audit_verifications_total', { outcome: 'tampered' })).toBe(1);
    expect(sampleValue(samples, 'portfolio_audit_verifications_total', { outcome: 'intact' })).toBe(2);
  });
});

describe('GET /metrics without PORTFOLIO_METRICS_TOKEN', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is not served, whatever the credential', async () => {
    const http = testApp.app.getHttpServer();
    const response = await request(http).get('/metrics').expect(404);
    expect(response.body.detail).toContain('PORTFOLIO_METRICS_TOKEN');
    await request(http).get('/metrics').set('Authorization', `Bearer ${TOKENS.admin}`).expect(404);
  });
});

describe("GET /metrics and the API's throttle", () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('sqlite', { metricsTokenSha256: tokenDigest(METRICS_TOKEN) });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("counts refused tokens with the API's, by address, and never throttles the metrics token", async () => {
    const http = testApp.app.getHttpServer();
    for (let i = 0; i < 20; i += 1) {
      await request(http).get('/api/v1/portfolio').set('Authorization', `Bearer ${generateApiToken()}`).expect(401);
    }
    const refused = await request(http).get('/metrics').set('Authorization', `Bearer ${generateApiToken()}`);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
    await request(http).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
  });
});
