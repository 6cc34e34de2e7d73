import { PostgresEventStore, type PostgresTimeouts } from '@portfolio/event-store';
import { startSilentProxy, type SilentProxy } from '../../../event-store/src/testing/silent-proxy';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { fixedNow } from '../testing/fixed-now';
import { useSubject } from '../testing/read-model-subject';
import { projectorsOf } from '../testing/runtime-of';
import { hubeeMeasurement, seedLog } from '../testing/seed-log';
import { PostgresAdvisoryLeadership } from './postgres-advisory-leadership';
import { ProjectionRuntime } from './projection-runtime';

// Small bounds: a query gives up after 300 + 500 ms, a turn lasting 500 ms past its wait is stalled.
const TIMEOUTS: PostgresTimeouts = { connectMs: 300, statementMs: 500, keepAliveDelayMs: 200 };

/** Milliseconds until `condition` holds; fails after `withinMs`. */
async function msUntil(condition: () => boolean | Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > withinMs) throw new Error(`still not true after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

describe('projection runtime behind a PostgreSQL gone silent', () => {
  const subject = useSubject('postgres');
  let proxy: SilentProxy;
  let store: PostgresEventStore;
  let database: ReadModelDatabase;
  let runtime: ProjectionRuntime;
  const logged: string[] = [];

  /** The runtime as the application wires it, every connection through the proxy, bounded by `timeouts`. */
  const startThroughProxy = async (timeouts: PostgresTimeouts): Promise<void> => {
    if (subject.location.kind !== 'postgres') throw new Error('a PostgreSQL subject');
    const { databaseUrl, schema } = subject.location;
    proxy = await startSilentProxy(databaseUrl);
    store = await PostgresEventStore.open({ connectionString: proxy.url, schema, timeouts });
    database = await openReadModelDatabase({ kind: 'postgres', databaseUrl: proxy.url, schema, timeouts });
    logged.length = 0;
    runtime = new ProjectionRuntime(store, database, projectorsOf(database), {
      now: fixedNow,
      idleWaitMs: 200,
      leadershipCheckMs: 200,
      retryDelayMs: 50,
      maxRetryDelayMs: 400,
      stallAfterMs: 500,
      leadership: new PostgresAdvisoryLeadership({ databaseUrl: proxy.url, schema, timeouts }),
      log: (message) => logged.push(message),
    });
    await seedLog(subject.store, 5);
    await runtime.start();
    expect(await runtime.waitFor(8n, 5000)).toBe(true);
    expect(runtime.health()).toEqual({ ok: true });
  };
  afterEach(async () => {
    proxy.resume();
    await runtime.stop();
    await database.close();
    await store.close();
    await proxy.close();
  });

  it('reports itself unable to progress within its bound, then catches up by itself once the server answers', async () => {
    await startThroughProxy(TIMEOUTS);
    proxy.silence();
    // Written meanwhile by another process, which the silence does not reach.
    const { position } = await subject.store.append('project-hubee', [hubeeMeasurement(1)], 'any');
    // Its wait at the head (200 ms), then the stall bound (500 ms) or a query's (800 ms): well within 2 s.
    expect(await msUntil(() => !runtime.health().ok, 2000)).toBeLessThan(2000);
    // Still down while the silence lasts, retrying without flooding the log.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runtime.health().ok).toBe(false);
    expect(runtime.position).toBeLessThan(position);
    expect(logged.filter((line) => line.startsWith('projection failed'))).toHaveLength(1);

    proxy.resume();
    expect(await runtime.waitFor(position, 5000)).toBe(true);
    // Healthy from the first batch applied; live once a turn finds nothing more to apply (a busy machine may be slow to).
    await msUntil(async () => (await runtime.status()).projectors.every((p) => p.state === 'live'), 3000);
    expect(runtime.health().ok).toBe(true);
    const status = await runtime.status();
    expect(status.projectors.map((p) => [p.position, p.state])).toEqual([
      [position.toString(), 'live'],
      [position.toString(), 'live'],
    ]);
    expect(logged).toContainEqual(expect.stringMatching(/^projection resumed at position \d+ after \d+ failed/));
  });

  it('reports a loop stuck on a long-bounded query as stalled, before the query gives up', async () => {
    // Statements may last a minute here: only the stall bound tells that the loop no longer moves.
    await startThroughProxy({ ...TIMEOUTS, statementMs: 60_000 });
    proxy.silence();
    await subject.store.append('project-hubee', [hubeeMeasurement(1)], 'any');
    expect(await msUntil(() => !runtime.health().ok, 2000)).toBeLessThan(2000);
    expect(runtime.health()).toEqual({
      ok: false,
      reason: expect.stringMatching(/^the projections have been waiting on their database for \d+ ms$/),
    });
    proxy.resume();
    await msUntil(() => runtime.health().ok, 5000);
  });
});
