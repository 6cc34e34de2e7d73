import { PostgresEventStore } from '@portfolio/event-store';
import request from 'supertest';
import { scratchPostgresSchema, type ScratchSchema } from '../libs/event-store/src/testing/scratch-database';
import { startSilentProxy, type SilentProxy } from '../libs/event-store/src/testing/silent-proxy';
import { seedLog } from '../libs/read-models/src/testing/seed-log';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { idnumMission } from './support/tech-gouv-requests';

// A PostgreSQL that accepts connections but stops answering, between the service and its database. Small bounds keep
// the suite short: a query gives up after 300 + 500 ms, a projection turn 500 ms past its wait is stalled.
const BOUNDS = {
  postgresTimeouts: { connectMs: 300, statementMs: 500, keepAliveDelayMs: 200 },
  projectionStallMs: 500,
};

/** The answer to `GET path` once `expected` comes, and how long that took; fails after `withinMs`. */
async function statusWithin(app: TestApp, path: string, expected: number, withinMs: number) {
  const started = performance.now();
  for (;;) {
    const response = await request(app.app.getHttpServer()).get(path).set(bearer('reviewer'));
    const ms = performance.now() - started;
    if (response.status === expected) return { response, ms };
    if (ms > withinMs) throw new Error(`${path} answered ${response.status}, not ${expected}, for ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the service behind a PostgreSQL gone silent', () => {
  let scratch: ScratchSchema;
  let proxy: SilentProxy;

  beforeEach(async () => {
    scratch = scratchPostgresSchema('e2e_silence');
    proxy = await startSilentProxy(scratch.connectionString);
  });
  afterEach(async () => {
    proxy.resume();
    await proxy.close();
    await scratch.drop().catch(() => undefined); // not created when the start failed
  });

  it('answers not ready and fails reads within bounds while silent, and recovers by itself', async () => {
    const store = { kind: 'postgres' as const, databaseUrl: proxy.url, schema: scratch.schema };
    const app = await startTestApp('postgres', { store, ...BOUNDS });
    const writer = await PostgresEventStore.open({
      connectionString: scratch.connectionString,
      schema: scratch.schema,
    });
    try {
      const http = app.app.getHttpServer();
      await request(http).post('/api/v1/missions').set(bearer('programme-office')).send(idnumMission).expect(201);
      await statusWithin(app, '/health/ready', 200, 5000);

      proxy.silence();
      // Another instance, which the silence does not reach, goes on writing.
      await seedLog(writer, 1);
      const head = await writer.head();
      const notReady = await statusWithin(app, '/health/ready', 503, 3000);
      expect(notReady.ms).toBeLessThan(3000);
      expect(notReady.response.body.detail).toMatch(/^not ready: (eventStore|projections): /);
      const live = await statusWithin(app, '/health/live', 200, 500);
      expect(live.ms).toBeLessThan(500);
      const read = await statusWithin(app, `/api/v1/portfolio?minPosition=${head}`, 503, 3000);
      expect(read.ms).toBeLessThan(3000);
      expect(read.response.body).toMatchObject({ code: 'store_unavailable' });

      proxy.resume();
      await statusWithin(app, '/health/ready', 200, 10_000);
      const caughtUp = await statusWithin(app, `/api/v1/portfolio?minPosition=${head}`, 200, 5000);
      expect(caughtUp.response.body.asOf.position).toBe(head.toString());
      // A stop during a silence does not wait for the silence to end.
      proxy.silence();
    } finally {
      await writer.close();
      await app.close();
    }
  }, 30_000);

  it('refuses to start against a silent server within its bound, naming the server and the cause', async () => {
    proxy.silence();
    const store = { kind: 'postgres' as const, databaseUrl: proxy.url, schema: scratch.schema };
    const started = performance.now();
    const failure = await startTestApp('postgres', { store, ...BOUNDS }).then(
      () => new Error('the service started'),
      (error: Error) => error,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(failure.message).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+\/\w+ did not answer in time .*timeout/);
  });
});
