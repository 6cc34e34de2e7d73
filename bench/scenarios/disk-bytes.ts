// Bytes on disk per event (issue 17): what a history costs in storage, the log and the read models apart.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { Pool } from 'pg';
import type { BenchTarget } from '../support/bench-target';
import { scenarioMain } from '../support/scenario';

export interface DiskBytesResult {
  readonly events: number;
  /** The event log's tables and their indexes, with the store's own bookkeeping and the audit checkpoints. */
  readonly logBytes: number;
  /** The read models' tables (rm_*) and their indexes, every generation kept. */
  readonly readModelBytes: number;
  /** SQLite: the file after a WAL checkpoint (the WAL truncated); PostgreSQL: the two sums above. */
  readonly totalBytes: number;
  readonly bytesPerEvent: number;
  /** Each table and each index on its own, largest first: where the bytes go. */
  readonly relations: Readonly<Record<string, number>>;
}

const READ_MODEL_PREFIX = 'rm_';

interface RelationSize {
  readonly name: string;
  /** The table a relation stores or indexes: what decides whether it is the log's or the read models'. */
  readonly table: string;
  readonly bytes: number;
}

interface Measured {
  readonly events: number;
  readonly relations: RelationSize[];
  readonly totalBytes: number;
}

const sumOf = (rows: readonly RelationSize[]): number => rows.reduce((total, row) => total + row.bytes, 0);

/** Every b-tree's pages (dbstat), once the WAL is folded into the file: what the file holds, page by page. */
function sqliteSizes(file: string): Measured {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    const relations = db
      .prepare<[], RelationSize>(
        `SELECT d.name AS name, coalesce(m.tbl_name, d.name) AS "table", sum(d.pgsize) AS bytes
           FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name
          GROUP BY d.name`,
      )
      .all();
    const wal = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    return { events, relations, totalBytes: statSync(file).size + wal };
  } finally {
    db.close();
  }
}

/** Each table's heap, TOAST and free-space map, and each of its indexes, in the store's schema. */
async function postgresSizes(databaseUrl: string, schema: string): Promise<Measured> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const counted = await pool.query<{ events: string }>(`SELECT count(*) AS events FROM "${schema}".events`);
    const { rows } = await pool.query<{ name: string; table: string; bytes: string }>(
      `SELECT c.relname AS name, t.relname AS "table",
              CASE WHEN c.relkind = 'i' THEN pg_relation_size(c.oid) ELSE pg_table_size(c.oid) END AS bytes
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_index i ON i.indexrelid = c.oid
         JOIN pg_class t ON t.oid = coalesce(i.indrelid, c.oid)
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'i', 'm')`,
      [schema],
    );
    const relations = rows.map((row) => ({ ...row, bytes: Number(row.bytes) }));
    return { events: Number(counted.rows[0].events), relations, totalBytes: sumOf(relations) };
  } finally {
    await pool.end();
  }
}

/** The store's relations on disk, split into the log's and the read models', per event recorded. */
async function diskBytes({ target }: { readonly target: BenchTarget }): Promise<DiskBytesResult> {
  const { store } = target;
  const { events, relations, totalBytes } =
    store.kind === 'sqlite'
      ? sqliteSizes(store.file)
      : await postgresSizes(target.databaseUrl as string, (store as { schema: string }).schema);
  const isReadModel = (row: RelationSize) => row.table.startsWith(READ_MODEL_PREFIX);
  const largestFirst = [...relations].sort((a, b) => b.bytes - a.bytes);
  return {
    events,
    logBytes: sumOf(relations.filter((row) => !isReadModel(row))),
    readModelBytes: sumOf(relations.filter(isReadModel)),
    totalBytes,
    bytesPerEvent: totalBytes / events,
    relations: Object.fromEntries(largestFirst.map((row) => [row.name, row.bytes])),
  };
}

scenarioMain(module, diskBytes);
