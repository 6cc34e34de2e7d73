import {
  canonicalJson,
  computeEventHash,
  PostgresEventStore,
  SqliteEventStore,
  type EventStore,
  type StoredEvent,
} from '@portfolio/event-store';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { scratchPostgresSchema, scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';

// The stores the audit runs on in tests: a fresh SQLite file or PostgreSQL schema each, with direct SQL on the
// event table beside it, the way a tamperer would alter the log.

export type TestStoreKind = 'sqlite' | 'postgres';

export const TEST_STORE_KINDS: readonly TestStoreKind[] = ['sqlite', 'postgres'];

export interface TestStore {
  readonly store: EventStore;
  /** Runs SQL with `?` placeholders on the event table, bypassing the store. */
  tamper(sql: string, ...params: readonly (string | bigint | number)[]): Promise<void>;
  /** A connection to the database beside the log (the SQLite file or PostgreSQL schema), as the read models have. */
  readonly database: Kysely<object>;
  dispose(): Promise<void>;
}

async function sqliteStore(): Promise<TestStore> {
  const scratch = scratchSqliteFile('audit');
  const { file } = scratch;
  const store = new SqliteEventStore({ file });
  const raw = new Database(file);
  raw.pragma('busy_timeout = 10000');
  return {
    store,
    tamper: async (sql, ...params) => void raw.prepare(sql).run(...params),
    database: new Kysely({ dialect: new SqliteDialect({ database: raw }) }),
    dispose: async () => {
      raw.close();
      await store.close();
      scratch.remove();
    },
  };
}

async function postgresStore(): Promise<TestStore> {
  const scratch = scratchPostgresSchema('audit');
  const { connectionString, schema } = scratch;
  const store = await PostgresEventStore.open({ connectionString, schema });
  const raw = new Pool({ connectionString, max: 1, options: `-c search_path="${schema}"` });
  const pool = new Pool({ connectionString, max: 2, options: `-c search_path="${schema}"` });
  return {
    store,
    database: new Kysely({ dialect: new PostgresDialect({ pool }) }),
    tamper: async (sql, ...params) => {
      let n = 0;
      const numbered = sql.replace(/\?/g, () => `$${(n += 1)}`);
      await raw.query(numbered, params.map(String));
    },
    dispose: async () => {
      await store.close();
      await pool.end();
      await raw.end();
      await scratch.drop();
    },
  };
}

export function openTestStore(kind: TestStoreKind): Promise<TestStore> {
  return kind === 'sqlite' ? sqliteStore() : postgresStore();
}

/** Rewrites an event's data and recomputes its hash, as a tamperer who knows the scheme would: its chain still holds. */
export async function rewriteEvent(
  test: TestStore,
  event: StoredEvent,
  change: Readonly<Record<string, unknown>>,
): Promise<void> {
  const data = canonicalJson({ ...event.data, ...change });
  const hash = computeEventHash({ ...event, canonicalData: data, canonicalMetadata: canonicalJson(event.metadata) });
  await test.tamper('UPDATE events SET data = ?, hash = ? WHERE position = ?', data, hash, event.position);
}
