import type { EventStore } from '@portfolio/event-store';
import { Pool } from 'pg';
import { storeBatches, type StoreBatch } from '../generate/store-batches';
import { builtEventStore } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { timed } from '../support/stats';
import { appendWithWriters, ExpectedRevisions } from './concurrent-writers';
import {
  measuredAppend,
  readEveryStream,
  type StoreAppendInput,
  type StoreAppendResult,
  type WriterFigures,
} from './store-append-result';

const WRITER_COUNTS = [1, 8];

/** A plain table in a schema of its own, filled with one multi-row INSERT per batch: PostgreSQL's own cost. */
async function rawInsert(
  url: string,
  schema: string,
  batches: readonly StoreBatch[],
  writers: number,
): Promise<number> {
  const pool = new Pool({ connectionString: url, max: writers, options: `-c search_path=${schema}` });
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
    await pool.query(`CREATE TABLE events (position BIGSERIAL PRIMARY KEY, stream_id TEXT NOT NULL, revision BIGINT NOT NULL,
      event_id TEXT NOT NULL, type TEXT NOT NULL, schema_version INT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      recorded_at TEXT NOT NULL)`);
    const revisions = new Map<string, number>();
    return await appendWithWriters(batches, writers, async (batch) => {
      const first = revisions.get(batch.streamId) ?? 0;
      revisions.set(batch.streamId, first + batch.events.length);
      const recordedAt = new Date().toISOString();
      await pool.query(
        `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])`,
        [
          batch.events.map(() => batch.streamId),
          batch.events.map((_, i) => first + i),
          batch.events.map((e) => e.eventId),
          batch.events.map((e) => e.type),
          batch.events.map((e) => e.schemaVersion),
          batch.events.map((e) => JSON.stringify(e.data)),
          batch.events.map((e) => JSON.stringify(e.metadata)),
          batch.events.map(() => recordedAt),
        ],
      );
    });
  } finally {
    await pool.end();
  }
}

async function rawReadPerSecond(url: string, schema: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
  try {
    const { result, seconds } = await timed(async () => {
      let count = 0;
      for (let after = '0'; ;) {
        const { rows } = await pool.query<{ position: string; data: string; metadata: string }>(
          'SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT 1000',
          [after],
        );
        if (rows.length === 0) return count;
        for (const row of rows) {
          JSON.parse(row.data);
          JSON.parse(row.metadata);
        }
        count += rows.length;
        after = rows[rows.length - 1].position;
      }
    });
    return result / seconds;
  } finally {
    await pool.end();
  }
}

/** Follows readAll({ after }) while the writers commit, and reports the event ids in the order it saw them. */
function follow(store: EventStore, writing: Promise<unknown>): Promise<string[]> {
  return (async () => {
    const seen: string[] = [];
    let after = 0n;
    let done = false;
    void writing.finally(() => (done = true));
    for (;;) {
      const finished = done;
      for await (const event of store.readAll({ after })) {
        seen.push(event.eventId);
        after = event.position;
      }
      if (finished) return seen;
      await store.waitForEvents(after, { timeoutMs: 100 });
    }
  })();
}

function exactlyOnce(ids: readonly string[], batches: readonly StoreBatch[]): boolean {
  const seen = new Set(ids);
  const expected = batches.flatMap((b) => b.events.map((e) => e.eventId));
  return ids.length === expected.length && seen.size === ids.length && expected.every((id) => seen.has(id));
}

/**
 * (b) The PostgreSQL store's append (hash chain, one server-function call) against a raw multi-row INSERT of the same
 * rows, with 1 and 8 writers; readAll's exactness while and after 8 writers commit.
 */
async function postgresAppend(input: StoreAppendInput): Promise<StoreAppendResult> {
  const url = input.databaseUrl ?? '';
  const batches = [...storeBatches({ events: input.events, batchSize: input.batchSize })];
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const bytes = batches.reduce((n, b) => n + b.events.reduce((m, e) => m + JSON.stringify(e).length, 0), 0);
  const { PostgresEventStore } = builtEventStore();
  const writers: Record<string, WriterFigures> = {};
  let exact: StoreAppendResult['exactAfterConcurrentWriters'];
  let oneWriter = {
    rawReadPerSecond: 0,
    readAllPerSecond: 0,
    readStreamPerSecond: 0,
    allocatedBytesPerEvent: 0,
    peakRssBytes: 0,
  };
  for (const count of WRITER_COUNTS) {
    const rawSeconds = await rawInsert(url, `raw_${count}`, batches, count);
    const store = await PostgresEventStore.open({
      connectionString: url,
      schema: `store_${count}`,
      poolSize: count + 2,
    });
    const revisions = new ExpectedRevisions();
    const writing = measuredAppend(batches, count, async (batch) => {
      await store.append(batch.streamId, batch.events, revisions.expected(batch.streamId));
      revisions.appended(batch.streamId, batch.events.length);
    });
    const following = count > 1 ? follow(store, writing) : undefined;
    const appendRun = await writing;
    writers[String(count)] = {
      rawInsertPerSecond: events / rawSeconds,
      storeAppendPerSecond: events / appendRun.seconds,
    };
    const { result: ids, seconds: readAllSeconds } = await timed(async () => {
      const all: string[] = [];
      for await (const event of store.readAll()) all.push(event.eventId);
      return all;
    });
    if (following !== undefined) {
      exact = { follower: exactlyOnce(await following, batches), readAll: exactlyOnce(ids, batches) };
    } else {
      oneWriter = {
        rawReadPerSecond: await rawReadPerSecond(url, 'raw_1'),
        readAllPerSecond: events / readAllSeconds,
        readStreamPerSecond: await readEveryStream(store, batches),
        allocatedBytesPerEvent: appendRun.allocatedBytesPerEvent,
        peakRssBytes: appendRun.peakRssBytes,
      };
    }
    await store.close();
  }
  return {
    events,
    meanEventBytes: Math.round(bytes / events),
    writers,
    ...oneWriter,
    exactAfterConcurrentWriters: exact,
  };
}

scenarioMain(module, postgresAppend);
