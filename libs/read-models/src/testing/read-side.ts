// Test support: a real event store and read models on SQLite or PostgreSQL, to say "given these events recorded and
// projected, the read answers this". The projection runtime is driven through its public API only.
import { streamIdOf, type DomainEvent, type IsoDate } from '@portfolio/domain';
import {
  PostgresEventStore,
  SqliteEventStore,
  type EventStore,
  type JsonObject,
  type StoredEvent,
} from '@portfolio/event-store';
import { randomUUID } from 'node:crypto';
import { scratchPostgresSchema, scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { ProjectionRuntime } from '../projection/projection-runtime';
import { AuditLogProjector } from '../projectors/audit-log.projector';
import { PortfolioProjector } from '../projectors/portfolio.projector';
import type { ReadContext } from '../queries/read-context';

export type StoreKind = 'sqlite' | 'postgres';

/** Every read-side integration test runs on both SQL stores. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Who records the events. */
export const PROGRAMME_OFFICE = { id: 'programme-office:test', name: 'Programme office', role: 'programme-office' };

export interface ReadSide {
  /** What the reads take; `today` is the date the read side was opened with. */
  readonly context: ReadContext;
  /** Appends each event to its stream, as the programme office, and waits until the read models include them all. */
  record(events: readonly DomainEvent[]): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

interface Storage {
  readonly store: EventStore;
  readonly database: ReadModelDatabase;
  dispose(): Promise<void>;
}

async function openStorage(kind: StoreKind): Promise<Storage> {
  if (kind === 'sqlite') {
    const { file, remove } = scratchSqliteFile('reads', 'portfolio.sqlite');
    const store = new SqliteEventStore({ file });
    const database = await openReadModelDatabase({ kind, file });
    return { store, database, dispose: async () => remove() };
  }
  const { connectionString: databaseUrl, schema, drop } = scratchPostgresSchema('reads');
  const store = await PostgresEventStore.open({ connectionString: databaseUrl, schema });
  const database = await openReadModelDatabase({ kind, databaseUrl, schema });
  return { store, database, dispose: drop };
}

/** An empty store with its read models, projected as events are recorded; reads default `at` to `today`. */
export async function openReadSide(kind: StoreKind, today: IsoDate): Promise<ReadSide> {
  const { store, database, dispose } = await openStorage(kind);
  const projections = new ProjectionRuntime(
    store,
    database,
    [new PortfolioProjector(), new AuditLogProjector(database.db)],
    { now: () => new Date() },
  );
  await projections.start();
  return {
    context: { db: database.db, projections, store, today: () => today },
    async record(events) {
      const positions: bigint[] = [];
      for (const event of events) {
        const newEvent = {
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: 1,
          data: event.data as unknown as JsonObject,
          metadata: { actor: PROGRAMME_OFFICE },
        };
        positions.push((await store.append(streamIdOf(event), [newEvent], 'any')).position);
      }
      if (!(await projections.waitFor(await store.head(), 20_000))) throw new Error('the projections fell behind');
      return store.readPositions(positions);
    },
    async close() {
      await projections.stop();
      await database.close();
      await store.close();
      await dispose();
    },
  };
}
