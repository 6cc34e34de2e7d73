import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import {
  boundedConnectionConfig,
  boundedPool,
  DEFAULT_POSTGRES_TIMEOUTS,
  endWithin,
  openSqliteFile,
  PostgresUnreachableError,
  sqliteOpenError,
  translatePostgresFault,
  translateSqliteFault,
  type PostgresTimeouts,
} from '@portfolio/event-store';
import { createReadModelSchema } from './read-model-schema';
import type { ReadModelTables } from './read-model-tables';

/** Rows for one read-model table, every row with the same columns. */
export interface RowInsert {
  readonly table: keyof ReadModelTables;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** What one transaction writes: each fence first, then the inserts, then the other statements. */
export interface AtomicWrite {
  /** Statements that must each change exactly one row, or nothing is written. */
  readonly fences?: readonly CompiledQuery[];
  readonly inserts?: readonly RowInsert[];
  readonly statements?: readonly CompiledQuery[];
  /**
   * Work whose length grows with the read models (dropping a generation): on PostgreSQL it runs on a connection
   * without statement and query timeouts, where a large deletion is not cancelled half-way and retried forever.
   */
  readonly unbounded?: boolean;
}

/** Where the read models live: beside the events, in the same SQLite file or PostgreSQL schema (ARCHITECTURE §7). */
export type ReadModelLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'postgres';
      readonly databaseUrl: string;
      readonly schema: string;
      /** Bounds of every connection and query (default DEFAULT_POSTGRES_TIMEOUTS). */
      readonly timeouts?: PostgresTimeouts;
    };

export interface ReadModelDatabase {
  /** For reads, and for building the statements given to `writeAtomically`. */
  readonly db: Kysely<ReadModelTables>;
  readonly dialect: ReadModelLocation['kind'];
  /**
   * Writes in one transaction: all or none. When a fence does not change exactly one row (another process moved the
   * checkpoint it guards), nothing is written and the result is false.
   */
  writeAtomically(write: AtomicWrite): Promise<boolean>;
  close(): Promise<void>;
}

/** Thrown inside a transaction to roll it back when a fence did not hold. */
class FenceNotHeld extends Error {}

/**
 * On SQLite the transaction runs synchronously, start to commit: an asynchronous one would hold the file's write
 * lock across awaits, while an append on the event store's own connection (synchronous, in the same thread)
 * waited for that lock, and neither could go on.
 */
function sqliteWriter(database: Database.Database, file: string): ReadModelDatabase['writeAtomically'] {
  // A projection writes the same few statements batch after batch: each is prepared once.
  const prepared = new Map<string, Database.Statement>();
  const statementFor = (sql: string): Database.Statement => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = database.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
  const run = (query: CompiledQuery) => statementFor(query.sql).run(...(query.parameters as unknown[]));
  const write = database.transaction(({ fences = [], inserts = [], statements = [] }: AtomicWrite) => {
    for (const fence of fences) if (run(fence).changes !== 1) throw new FenceNotHeld();
    for (const { table, rows } of inserts) {
      if (rows.length === 0) continue;
      // One row per execution of a prepared statement: in SQLite (no round trips) faster than building, parsing and
      // binding a statement of a thousand rows.
      const columns = Object.keys(rows[0]);
      const insert = statementFor(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      for (const row of rows) insert.run(columns.map((column) => row[column] ?? null));
    }
    for (const statement of statements) run(statement);
  });
  return async (batch) =>
    fenced(
      () => write.immediate(batch),
      (error) => translateSqliteFault(error, file),
    );
}

/**
 * One statement per table and batch, the rows as a single JSON parameter that PostgreSQL spreads into the table's
 * row type. A multi-row VALUES bound one parameter per column and row (nine thousand per thousand rows): compiling
 * them in Node and binding them on the server took most of a rebuild's time, and a statement holds at most 65,535.
 */
function insertFromJson({ table, rows }: RowInsert): CompiledQuery {
  const columns = Object.keys(rows[0])
    .map((column) => `"${column}"`)
    .join(', ');
  return CompiledQuery.raw(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1)`,
    [JSON.stringify(rows)],
  );
}

function postgresWriter(db: Kysely<ReadModelTables>, databaseUrl: string): ReadModelDatabase['writeAtomically'] {
  return ({ fences = [], inserts = [], statements = [] }) =>
    fenced(
      () =>
        db.transaction().execute(async (trx) => {
          const written = inserts.filter(({ rows }) => rows.length > 0);
          // Read models are derived and a batch commits with its checkpoint: after a crash, a batch lost with the
          // last unflushed commits is projected again from the checkpoint, so a batch need not wait for the disk.
          if (written.length > 0) await sql`SET LOCAL synchronous_commit = off`.execute(trx);
          for (const fence of fences) {
            if ((await trx.executeQuery(fence)).numAffectedRows !== 1n) throw new FenceNotHeld();
          }
          for (const insert of written) await trx.executeQuery(insertFromJson(insert));
          for (const statement of statements) await trx.executeQuery(statement);
        }),
      (error) => translatePostgresFault(error, databaseUrl),
    );
}

/** Runs `write`: false when a fence did not hold, a storage fault (disk full, read-only ...) named by `translate`. */
async function fenced(write: () => unknown, translate: (error: unknown) => unknown): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof FenceNotHeld) return false;
    throw translate(error);
  }
}

type OpenedDatabase = Pick<ReadModelDatabase, 'db' | 'writeAtomically' | 'close'> & {
  /** Where the schema is created: a migration lasts as long as the data is large, so it is not bounded. */
  readonly migrationDb: Kysely<ReadModelTables>;
};

function openSqlite(file: string): OpenedDatabase {
  const database = openSqliteFile(file, (opened) => {
    // Read models are derived: after a power cut a lost last batch is projected again from its checkpoint.
    opened.pragma('synchronous = NORMAL');
    opened.pragma('busy_timeout = 10000');
  });
  const db = new Kysely<ReadModelTables>({ dialect: new SqliteDialect({ database }) });
  return { db, migrationDb: db, writeAtomically: sqliteWriter(database, file), close: () => db.destroy() };
}

function openPostgres(databaseUrl: string, schema: string, timeouts: PostgresTimeouts): OpenedDatabase {
  const open = (statementMs: number, max: number) => {
    const pool = boundedPool({
      ...boundedConnectionConfig(databaseUrl, { ...timeouts, statementMs }),
      max,
      options: `-c search_path="${schema}"`,
    });
    const db = new Kysely<ReadModelTables>({ dialect: new PostgresDialect({ pool }) });
    // A silent server would keep the pool's connections from closing, and the process from stopping.
    return { db, close: () => endWithin(pool, timeouts.connectMs, () => db.destroy()) };
  };
  const bounded = open(timeouts.statementMs, 10);
  // Connects only when first used.
  const unbounded = open(0, 1);
  const writeBounded = postgresWriter(bounded.db, databaseUrl);
  const writeUnbounded = postgresWriter(unbounded.db, databaseUrl);
  return {
    db: bounded.db,
    migrationDb: unbounded.db,
    writeAtomically: (write) => (write.unbounded === true ? writeUnbounded(write) : writeBounded(write)),
    close: async () => void (await Promise.all([bounded.close(), unbounded.close()])),
  };
}

/** Opens the read-model database and creates its tables if missing (under a lock on PostgreSQL: several processes may start at once). */
export async function openReadModelDatabase(location: ReadModelLocation): Promise<ReadModelDatabase> {
  const { db, migrationDb, writeAtomically, close } =
    location.kind === 'sqlite'
      ? openSqlite(location.file)
      : openPostgres(location.databaseUrl, location.schema, location.timeouts ?? DEFAULT_POSTGRES_TIMEOUTS);
  try {
    if (location.kind === 'postgres') {
      // The event store migrates the same schema under the same lock: CREATE SCHEMA IF NOT EXISTS is not safe
      // against a concurrent one.
      await migrationDb.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`portfolio-ledger:migrate:${location.schema}`}))`.execute(
          trx,
        );
        await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(location.schema)}`.execute(trx);
        await createReadModelSchema(trx);
      });
    } else {
      await createReadModelSchema(migrationDb);
    }
  } catch (error) {
    await close();
    if (location.kind === 'sqlite') throw sqliteOpenError(error, location.file);
    throw new PostgresUnreachableError(location.databaseUrl, location.timeouts ?? DEFAULT_POSTGRES_TIMEOUTS, error);
  }
  return { db, dialect: location.kind, writeAtomically, close };
}
