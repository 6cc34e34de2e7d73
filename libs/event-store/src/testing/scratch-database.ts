// Test support: a place of its own for a test's data, a SQLite file in a fresh temporary folder or a fresh schema in
// the PostgreSQL test database, removed with all it holds once the test is done.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { quoteIdentifier } from '../postgres/postgres-schema';
import { testDatabaseUrl } from './test-database-url';

export interface ScratchFile {
  readonly dir: string;
  readonly file: string;
  /** Removes the folder and everything in it. */
  remove(): void;
}

/** The path of a SQLite file `name` in a fresh folder `portfolio-<purpose>-…` of the system's temporary folder. */
export function scratchSqliteFile(purpose: string, name = 'events.sqlite'): ScratchFile {
  const dir = mkdtempSync(join(tmpdir(), `portfolio-${purpose}-`));
  return { dir, file: join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ScratchSchema {
  readonly connectionString: string;
  readonly schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A fresh schema name `<purpose>_test_<16 hex digits>` in the test database (or the one of `connectionString`): the
 * first store opened on it creates it.
 */
export function scratchPostgresSchema(purpose: string, connectionString = testDatabaseUrl()): ScratchSchema {
  const schema = `${purpose}_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  return {
    connectionString,
    schema,
    drop: async () => {
      const pool = new Pool({ connectionString, max: 1 });
      try {
        await pool.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
