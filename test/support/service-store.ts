import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import { testDatabaseUrl } from '../../libs/event-store/src/testing/test-database-url';

// A fresh store for a service process (startService): its environment, and what a test needs once the process is gone.

export interface ServiceStore {
  readonly env: Record<string, string>;
  readonly dataDir: string;
  /** The command ids (Idempotency-Keys) of every event recorded, read straight from the table's metadata. */
  recordedCommandIds(): Promise<Set<string>>;
  dispose(): Promise<void>;
}

export function sqliteStore(prefix: string): ServiceStore {
  const dataDir = mkdtempSync(join(tmpdir(), `portfolio-${prefix}-`));
  return {
    env: { PORTFOLIO_DATA_DIR: dataDir },
    dataDir,
    recordedCommandIds: async () => {
      const db = new Database(join(dataDir, 'portfolio.sqlite'), { readonly: true });
      try {
        const ids = db.prepare("SELECT json_extract(metadata, '$.commandId') FROM events").pluck().all() as string[];
        return new Set(ids);
      } finally {
        db.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function postgresStore(prefix: string): ServiceStore {
  const dataDir = mkdtempSync(join(tmpdir(), `portfolio-${prefix}-`));
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const withPool = async <T>(use: (pool: Pool) => Promise<T>): Promise<T> => {
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      return await use(pool);
    } finally {
      await pool.end();
    }
  };
  return {
    env: {
      PORTFOLIO_DATA_DIR: dataDir,
      PORTFOLIO_STORE: 'postgres',
      DATABASE_URL: testDatabaseUrl(),
      PORTFOLIO_PG_SCHEMA: schema,
    },
    dataDir,
    recordedCommandIds: () =>
      withPool(async (pool) => {
        const { rows } = await pool.query<{ command_id: string }>(
          `SELECT metadata::json ->> 'commandId' AS command_id FROM "${schema}".events`,
        );
        return new Set(rows.map((row) => row.command_id));
      }),
    dispose: async () => {
      await withPool((pool) => pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
