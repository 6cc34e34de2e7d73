import Database from 'better-sqlite3';
import { join } from 'node:path';
import { storeBatches, type StoreBatch } from '../generate/store-batches';
import { builtEventStore } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { timed } from '../support/stats';
import { ExpectedRevisions } from './concurrent-writers';
import {
  countInOrder,
  measuredAppend,
  readEveryStream,
  type StoreAppendInput,
  type StoreAppendResult,
} from './store-append-result';

/**
 * The secondary indexes the store's events table carries (unique event id and stream revision, type) and its
 * per-append idempotency row (command key and positions): measured on the raw table too, to tell the schema's cost
 * from the code's.
 */
const STORE_SCHEMA = `CREATE UNIQUE INDEX by_event_id ON events (event_id);
  CREATE UNIQUE INDEX by_stream ON events (stream_id, revision);
  CREATE INDEX by_type ON events (type, position);
  CREATE TABLE command_runs (command_key TEXT NOT NULL, first_position INTEGER NOT NULL,
    last_position INTEGER NOT NULL, PRIMARY KEY (command_key, first_position)) WITHOUT ROWID;`;

/** A plain table for the same rows: what better-sqlite3 and SQLite cost before any hashing or checking. */
function rawInsertBaseline(
  file: string,
  batches: readonly StoreBatch[],
  withStoreSchema = false,
): { insertSeconds: number; readSeconds: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
           event_id TEXT NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
           metadata TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
  if (withStoreSchema) db.exec(STORE_SCHEMA);
  const insert = db.prepare('INSERT INTO events VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)');
  const recordCommand = withStoreSchema ? db.prepare('INSERT INTO command_runs VALUES (?, ?, ?)') : undefined;
  const revisions = new Map<string, number>();
  const appendBatch = db.transaction((batch: StoreBatch) => {
    let revision = revisions.get(batch.streamId) ?? 0;
    const recordedAt = new Date().toISOString();
    let first: number | bigint | undefined;
    let last: number | bigint = 0;
    for (const e of batch.events) {
      last = insert.run(
        batch.streamId,
        revision++,
        e.eventId,
        e.type,
        e.schemaVersion,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        recordedAt,
      ).lastInsertRowid;
      first ??= last;
    }
    // One command per batch, as the generator makes them: its key, as the store indexes it.
    const { actor, commandId } = batch.events[0].metadata as { actor: { id: string }; commandId: string };
    recordCommand?.run(builtEventStore().commandKey({ actorId: actor.id, commandId }), first, last);
    revisions.set(batch.streamId, revision);
  });
  const start = process.hrtime.bigint();
  for (const batch of batches) appendBatch(batch);
  const insertSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const select = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 1000');
  const readStart = process.hrtime.bigint();
  for (
    let after = 0, rows = select.all(after) as { position: number; data: string; metadata: string }[];
    rows.length > 0;
    rows = select.all(after) as typeof rows
  ) {
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
    }
    after = rows[rows.length - 1].position;
  }
  const readSeconds = Number(process.hrtime.bigint() - readStart) / 1e9;
  db.close();
  return { insertSeconds, readSeconds };
}

/** (b) The SQLite store's append and reads against a plain better-sqlite3 INSERT of the same rows, in one process. */
async function sqliteAppend(input: StoreAppendInput): Promise<StoreAppendResult> {
  const batches = [...storeBatches({ events: input.events, batchSize: input.batchSize })];
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const bytes = batches.reduce((n, b) => n + b.events.reduce((m, e) => m + JSON.stringify(e).length, 0), 0);
  const raw = rawInsertBaseline(join(input.dataDir, 'raw.sqlite'), batches);
  const indexed = rawInsertBaseline(join(input.dataDir, 'raw-indexed.sqlite'), batches, true);
  const store = new (builtEventStore().SqliteEventStore)({ file: join(input.dataDir, 'store.sqlite') });
  const revisions = new ExpectedRevisions();
  const appendRun = await measuredAppend(batches, 1, async (batch) => {
    await store.append(batch.streamId, batch.events, revisions.expected(batch.streamId));
    revisions.appended(batch.streamId, batch.events.length);
  });
  const { result: readAllCount, seconds: readAllSeconds } = await timed(() => countInOrder(store.readAll()));
  const readStream = await readEveryStream(store, batches);
  await store.close();
  if (readAllCount !== events) throw new Error(`readAll returned ${readAllCount} events of ${events}`);
  return {
    events,
    meanEventBytes: Math.round(bytes / events),
    writers: {
      '1': { rawInsertPerSecond: events / raw.insertSeconds, storeAppendPerSecond: events / appendRun.seconds },
    },
    rawReadPerSecond: events / raw.readSeconds,
    rawInsertWithStoreIndexesPerSecond: events / indexed.insertSeconds,
    readAllPerSecond: events / readAllSeconds,
    readStreamPerSecond: readStream,
    allocatedBytesPerEvent: appendRun.allocatedBytesPerEvent,
    peakRssBytes: appendRun.peakRssBytes,
  };
}

scenarioMain(module, sqliteAppend);
