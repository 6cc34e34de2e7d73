import Database from 'better-sqlite3';
import { Pool } from 'pg';
import type { TestApp } from './test-app';

/** Direct SQL on the application's event table, bypassing the store: how a tamperer would alter the log. */
export interface RawStore {
  /** Runs SQL with `?` placeholders (rewritten to $n for PostgreSQL). */
  run(sql: string, ...params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export function rawStore(testApp: TestApp): RawStore {
  const store = testApp.config.store;
  if (store.kind === 'sqlite') {
    const db = new Database(store.file);
    db.pragma('busy_timeout = 10000');
    return {
      run: async (sql, ...params) => void db.prepare(sql).run(...params),
      close: async () => {
        db.close();
      },
    };
  }
  if (store.kind !== 'postgres') throw new Error(`no raw access to a ${store.kind} store`);
  const pool = new Pool({ connectionString: store.databaseUrl, max: 1, options: `-c search_path="${store.schema}"` });
  return {
    run: async (sql, ...params) => {
      let n = 0;
      await pool.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params.map((p) => (typeof p === 'bigint' ? p.toString() : p)),
      );
    },
    close: () => pool.end(),
  };
}
