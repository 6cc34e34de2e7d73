// Test support: a PostgreSQL server that turns read-only for real, as a hot standby is. A login role of its own gets
// default_transaction_read_only, and its sessions are ended so that the next ones start with it (SQLSTATE 25006 on
// any write).
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { testDatabaseUrl } from './test-database-url';

export interface ReadOnlyRole {
  /** The test database as this role, with a password in the URL (trust authentication ignores it). */
  readonly connectionString: string;
  readonly password: string;
  /** How errors must name the server: host, port and database, without the role or its password. */
  readonly server: string;
  /** Makes the role's sessions read-only, or writable again, from their next connection on. */
  setReadOnly(readOnly: boolean): Promise<void>;
  /** Drops the role; its schemas must have been dropped before. */
  drop(): Promise<void>;
}

/** A fresh login role that may create schemas in the test database. */
export async function createReadOnlyRole(): Promise<ReadOnlyRole> {
  const role = `portfolio_ro_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const password = 'never-shown-in-an-error';
  const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  const onDatabase = (grant: string) =>
    admin.query(`DO $$ BEGIN EXECUTE format('${grant}', current_database()); END $$`);
  await admin.query(`CREATE ROLE ${role} LOGIN`);
  await onDatabase(`GRANT CREATE ON DATABASE %I TO ${role}`);
  const url = new URL(testDatabaseUrl());
  url.username = role;
  url.password = password;
  return {
    connectionString: url.toString(),
    password,
    server: `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`,
    setReadOnly: async (readOnly) => {
      await admin.query(
        readOnly
          ? `ALTER ROLE ${role} SET default_transaction_read_only = on`
          : `ALTER ROLE ${role} RESET default_transaction_read_only`,
      );
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role]);
    },
    drop: async () => {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role]);
      await onDatabase(`REVOKE CREATE ON DATABASE %I FROM ${role}`);
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    },
  };
}
