import { Pool } from 'pg';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { chainEvents, prepareAppend } from '../prepare-append';
import type { AppendResult, StoredEvent } from '../stored-event';
import { collect, newEvent } from '../testing/event-store-contract';
import { scratchPostgresSchema, type ScratchSchema } from '../testing/scratch-database';
import { verifyChains } from '../verify-chains';
import { PostgresEventStore } from './postgres-event-store';
import { migratePostgresEventStore, quoteIdentifier } from './postgres-schema';

/** The schema version whose appends went one at a time through append_events. */
const SINGLE_APPEND_VERSION = 5;

describe('PostgreSQL group commit', () => {
  let scratch: ScratchSchema;
  let raw: Pool;
  let store: PostgresEventStore;
  let other: PostgresEventStore;

  beforeEach(async () => {
    scratch = scratchPostgresSchema('es');
    const { connectionString, schema } = scratch;
    store = await PostgresEventStore.open({ connectionString, schema });
    other = await PostgresEventStore.open({ connectionString, schema, poolSize: 2 });
    raw = new Pool({ connectionString, max: 3, options: `-c search_path=${quoteIdentifier(schema)}` });
  });
  afterEach(async () => {
    await Promise.all([store.close(), other.close(), raw.end()]);
    await scratch.drop();
  });

  const storeSessions = (condition: string) =>
    raw
      .query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND ${condition}`,
        [`portfolio-ledger ${scratch.schema}`.slice(0, 63)],
      )
      .then(({ rows }) => Number(rows[0].n));

  /**
   * Runs `queue` while an append of `store` waits for the head row, which the test holds: the appends `queue` makes
   * meanwhile must go as one group, a second call waiting behind the first, not as one call each.
   */
  async function whileAnAppendIsInFlight<T>(queue: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
    await store.append('blocker', [newEvent('Blocker')], 'any');
    const holder = await raw.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM event_log_head FOR UPDATE');
      const inFlight = store.append('blocker', [newEvent('Blocker')], 'any');
      while ((await storeSessions("wait_event_type = 'Lock'")) === 0) await new Promise((r) => setTimeout(r, 10));
      const queued = Promise.allSettled(queue());
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await storeSessions("query LIKE '%append_event_group%'")).toBe(2);
      await holder.query('COMMIT');
      await inFlight;
      return await queued;
    } finally {
      holder.release();
    }
  }

  const streamOf = (streamId: string): Promise<StoredEvent[]> => collect(store.readStream(streamId));
  const fulfilled = (outcome: PromiseSettledResult<AppendResult>): AppendResult => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  };

  it("checks each queued append's tip on its own: only the one whose expected revision no longer holds fails", async () => {
    for (const streamId of ['s0', 's1', 's2', 's3']) await store.append(streamId, [newEvent('A')], 'no_stream');
    // Behind the store's back: its remembered tips of s1 and s3 are now stale, which only the server can tell.
    await other.append('s1', [newEvent('B')], 0n);
    await other.append('s3', [newEvent('B')], 0n);
    const [s0, s1, s2, s3] = await whileAnAppendIsInFlight(() => [
      store.append('s0', [newEvent('C')], 0n),
      store.append('s1', [newEvent('C')], 0n),
      store.append('s2', [newEvent('C')], 0n),
      store.append('s3', [newEvent('C')], 'any'),
    ]);
    expect(fulfilled(s0).revision).toBe(1n);
    expect(s1).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect((s1 as PromiseRejectedResult).reason).toMatchObject({ actual: 1n });
    expect(fulfilled(s2)).toEqual({ revision: 1n, position: fulfilled(s0).position + 1n });
    // Refused in the group for its stale tip, then chained over the other store's event.
    expect(fulfilled(s3).revision).toBe(2n);
    const [first, second] = [(await streamOf('s0'))[1], (await streamOf('s2'))[1]];
    expect(second.recordedAt).toBe(first.recordedAt);
    expect((await streamOf('s1')).map((e) => e.type)).toEqual(['A', 'B']);
    expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 11 });
  });

  it('fails only the append of a group that reuses a stored event id, and writes the others', async () => {
    const existing = newEvent('A');
    await store.append('a', [existing], 'no_stream');
    for (const streamId of ['b', 'c', 'd']) await store.append(streamId, [newEvent('A')], 'no_stream');
    const [b, c, d] = await whileAnAppendIsInFlight(() => [
      store.append('b', [newEvent('B')], 0n),
      store.append('c', [newEvent('B'), { ...existing, type: 'Again' }], 0n),
      store.append('d', [newEvent('B')], 0n),
    ]);
    expect(fulfilled(b).revision).toBe(1n);
    expect(c).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
    expect((c as PromiseRejectedResult).reason).toMatchObject({ eventId: existing.eventId });
    expect(fulfilled(d).revision).toBe(1n);
    expect((await streamOf('c')).map((e) => e.type)).toEqual(['A']);
    expect(await store.head()).toBe(8n);
    expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 8 });
  });

  it('chains appends to one stream queued together each over the one before', async () => {
    await store.append('s', [newEvent('A')], 'no_stream');
    const outcomes = await whileAnAppendIsInFlight(() => [
      store.append('s', [newEvent('B'), newEvent('B')], 0n),
      store.append('s', [newEvent('C')], 2n),
      store.append('s', [newEvent('D')], 'any'),
      store.append('s', [newEvent('E')], 4n),
    ]);
    expect(outcomes.map((o) => fulfilled(o).revision)).toEqual([2n, 3n, 4n, 5n]);
    expect((await streamOf('s')).map((e) => e.type)).toEqual(['A', 'B', 'B', 'C', 'D', 'E']);
    expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 8 });
  });
});

describe('PostgreSQL appends of an earlier release', () => {
  it('upgrades a log written one append at a time, and keeps the previous release appending meanwhile', async () => {
    const { connectionString, schema, drop } = scratchPostgresSchema('es');
    const raw = new Pool({ connectionString, max: 1, options: `-c search_path=${quoteIdentifier(schema)}` });
    // An append as the previous release makes it: chained over the tip it read, in one call of append_events.
    const appendAsBefore = async (streamId: string, count: number): Promise<void> => {
      const { rows } = await raw.query<{ revision: string; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1',
        [streamId],
      );
      const tip = rows.length === 0 ? undefined : { revision: BigInt(rows[0].revision), hash: rows[0].hash };
      const events = Array.from({ length: count }, () => newEvent('Before'));
      const chained = chainEvents(streamId, prepareAppend(streamId, events), tip, new Date().toISOString());
      const written = await raw.query<{ last_position: string | null }>(
        'SELECT * FROM append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
        [
          streamId,
          tip?.revision.toString() ?? null,
          tip?.hash ?? null,
          chained[0].recordedAt,
          `portfolio_events_${schema}`.slice(0, 63),
          ...(
            ['eventId', 'type', 'schemaVersion', 'canonicalData', 'canonicalMetadata', 'hash', 'commandKey'] as const
          ).map((field) => chained.map((e) => e[field])),
        ],
      );
      expect(written.rows[0].last_position).not.toBeNull();
    };
    await migratePostgresEventStore(raw, schema, SINGLE_APPEND_VERSION);
    await appendAsBefore('project-a', 2);
    await appendAsBefore('project-b', 1);
    const store = await PostgresEventStore.open({ connectionString, schema });
    try {
      expect(await store.append('project-a', [newEvent('After')], 1n)).toEqual({ revision: 2n, position: 4n });
      await appendAsBefore('project-a', 1);
      // The store's remembered tip of project-a is stale now: the server tells, and the append chains over it.
      expect(await store.append('project-a', [newEvent('After')], 'any')).toEqual({ revision: 4n, position: 6n });
      await expect(store.append('project-b', [newEvent('After')], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 6 });
    } finally {
      await store.close();
      await raw.end();
      await drop();
    }
  });
});
