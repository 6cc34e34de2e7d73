// Test support: an event store and its read models on a fresh SQLite file or PostgreSQL schema, for int-specs.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@portfolio/event-store';
import { testDatabaseUrl } from '../../../event-store/src/testing/test-database-url';
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
    const dir = mkdtempSync(join(tmpdir(), 'portfolio-rm-'));
    const file = join(dir, 'portfolio.sqlite');
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
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const databaseUrl = testDatabaseUrl();
  const schema = `rm_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
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
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
