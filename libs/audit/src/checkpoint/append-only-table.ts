import { sql, type Kysely } from 'kysely';

// Triggers that make an audit table append-only on SQLite and PostgreSQL: its rows are evidence, never rewritten.

/** The refusal every changing statement on `table` raises, e.g. "audit_checkpoints is append-only: ...". */
export async function refuseSqliteChanges<Tables>(db: Kysely<Tables>, table: string, refusal: string): Promise<void> {
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER IF NOT EXISTS ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ` +
          `ON ${table} BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
      )
      .execute(db);
  }
}

export async function refusePostgresChanges<Tables>(db: Kysely<Tables>, table: string, refusal: string): Promise<void> {
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_refuse() RETURNS trigger LANGUAGE plpgsql AS ` +
        `$$ BEGIN RAISE EXCEPTION '${refusal}'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${table}_refuse()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refuse()`,
    )
    .execute(db);
}

/**
 * Runs `work` (creating `table`) in a transaction under an advisory lock named after it: several instances may start
 * at once on one schema, and the DDL statements are not safe against concurrent ones.
 */
export function withPostgresTableLock<Tables>(
  db: Kysely<Tables>,
  table: string,
  work: (trx: Kysely<Tables>) => Promise<void>,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`portfolio-ledger:${table}`}))`.execute(trx);
    await work(trx);
  });
}
