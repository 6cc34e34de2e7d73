import { StoreUnavailableError } from '../errors';
import { collect, newEvent } from '../testing/event-store-contract';
import { scratchPostgresSchema, type ScratchSchema } from '../testing/scratch-database';
import { startSilentProxy, type SilentProxy } from '../testing/silent-proxy';
import type { PostgresTimeouts } from './postgres-connection';
import { PostgresEventStore } from './postgres-event-store';

// Small bounds, so that each silence is noticed within a second or so: a query gives up after 300 + 500 ms.
const TIMEOUTS: PostgresTimeouts = { connectMs: 300, statementMs: 500, keepAliveDelayMs: 200 };

/** Milliseconds `promise` took to settle, and its outcome. */
async function timed<T>(promise: Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const result = await promise;
    return { ms: performance.now() - started, result };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

async function eventually(check: () => boolean, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`not true within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PostgreSQL event store behind a server gone silent', () => {
  let scratch: ScratchSchema;
  let proxy: SilentProxy;
  /** A store on a direct connection, which creates the schema: an append the proxy does not see. */
  let writer: PostgresEventStore;
  const opened: PostgresEventStore[] = [];
  const open = async (connectionString: string, log?: (message: string) => void) => {
    const store = await PostgresEventStore.open({ connectionString, schema: scratch.schema, timeouts: TIMEOUTS, log });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    scratch = scratchPostgresSchema('silence');
    proxy = await startSilentProxy(scratch.connectionString);
    writer = await open(scratch.connectionString);
  });
  afterEach(async () => {
    proxy.resume();
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await proxy.close();
    await scratch.drop();
  });

  it('fails a read within its bound as unavailable, and answers again once the server does', async () => {
    const store = await open(proxy.url);
    await store.append('project-a', [newEvent('A')], 'no_stream');
    proxy.silence();
    const during = await timed(store.head());
    expect(during.error).toBeInstanceOf(StoreUnavailableError);
    expect(during.ms).toBeLessThan(2000);
    const append = await timed(store.append('project-a', [newEvent('B')], 0n));
    expect(append.error).toBeInstanceOf(StoreUnavailableError);
    expect(append.ms).toBeLessThan(3000);
    proxy.resume();
    // The connections that timed out were dropped, not handed out again behind the unanswered queries.
    await expect(store.head()).resolves.toBe(1n);
    await expect(store.append('project-a', [newEvent('B')], 0n)).resolves.toMatchObject({ position: 2n });
  });

  it('fails a paged read of the log within its bound as unavailable, and reads again once the server answers', async () => {
    const store = await open(proxy.url);
    await store.append('project-a', [newEvent('A'), newEvent('B')], 'no_stream');
    // Read once first: the page is then asked on an open connection, which only the read bound can give up on.
    await collect(store.readAll());
    proxy.silence();
    const during = await timed(collect(store.readAll()));
    expect(during.error).toBeInstanceOf(StoreUnavailableError);
    expect(during.ms).toBeLessThan(2000);
    proxy.resume();
    // The connection that timed out was dropped, not handed out again behind the unanswered query.
    expect((await collect(store.readAll())).map((event) => event.type)).toEqual(['A', 'B']);
  });

  it('refuses to open against a silent server within its bound, naming the server and the cause', async () => {
    proxy.silence();
    const opening = await timed(open(proxy.url));
    expect(opening.ms).toBeLessThan(2000);
    expect((opening.error as Error).message).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:\d+\/\w+ did not answer in time \(connect timeout 300 ms, query timeout 800 ms\): .*timeout/,
    );
  });

  it('re-opens a LISTEN connection gone silent, logging the outage once, and wakes waiters again', async () => {
    const logged: string[] = [];
    const listening = await open(proxy.url, (message) => logged.push(message));
    await listening.waitForEvents(0n, { timeoutMs: 10 }); // starts listening
    proxy.silence();
    // Heartbeat, ping timeout, then several attempts to re-open, all refused by the silence: one line.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(logged).toEqual([expect.stringMatching(/^LISTEN connection to 127\.0\.0\.1:\d+\/\w+ failed/)]);
    proxy.resume();
    await eventually(() => logged.length === 2, 3000);
    expect(logged[1]).toMatch(/^LISTEN connection to .* restored after \d+ ms$/);
    // Notified through the new connection: long before the wait's own timeout.
    const woken = timed(listening.waitForEvents(0n, { timeoutMs: 10_000 }));
    await writer.append('project-a', [newEvent('A')], 'no_stream');
    const { ms, result } = await woken;
    expect(result).toBe(1n);
    expect(ms).toBeLessThan(2000);
  });
});
