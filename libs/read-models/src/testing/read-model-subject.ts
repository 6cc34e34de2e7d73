// Test support: an event store and its read models on a fresh SQLite file or PostgreSQL schema, for int-specs.
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@portfolio/event-store';
import { scratchPostgresSchema, scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from '../database/read-model-database';

export interface ReadModelSubject {
  readonly location: ReadModelLocation;
  readonly store: EventStore;
  readonly database: ReadModelDatabase;
  /** Arguments of run-projections.ts for this database. */
  readonly processArguments: string[];
  dispose(): Promise<void>;
}

export async function openSubject(kind: ReadModelLocation['kind']): Promise<ReadModelSubject> {
  if (kind === 'sqlite') {
    const scratch = scratchSqliteFile('rm', 'portfolio.sqlite');
    const { file } = scratch;
    const store = new SqliteEventStore({ file });
    const database = await openReadModelDatabase({ kind, file });
    return {
      location: { kind, file },
      store,
      database,
      processArguments: [file],
      dispose: async () => {
        await database.close();
        await store.close();
        scratch.remove();
      },
    };
  }
  const scratch = scratchPostgresSchema('rm');
  const { connectionString: databaseUrl, schema } = scratch;
  const store = await PostgresEventStore.open({ connectionString: databaseUrl, schema });
  const database = await openReadModelDatabase({ kind, databaseUrl, schema });
  return {
    location: { kind, databaseUrl, schema },
    store,
    database,
    processArguments: ['postgres', databaseUrl, schema],
    dispose: async () => {
      await database.close();
      await store.close();
      await scratch.drop();
    },
  };
}

/** The subject of each test of a spec: opened before it (the object is filled in then), disposed after it. */
export function useSubject(kind: ReadModelLocation['kind']): ReadModelSubject {
  const subject = {} as ReadModelSubject;
  beforeEach(async () => Object.assign(subject, await openSubject(kind)));
  afterEach(() => subject.dispose());
  return subject;
}
