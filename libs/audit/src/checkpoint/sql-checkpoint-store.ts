import { sql, type Kysely } from 'kysely';
import { refusePostgresChanges, refuseSqliteChanges, withPostgresTableLock } from './append-only-table';
import type { CheckpointStore, CheckpointTimestamp, StoredCheckpoint } from './checkpoint-store';

// The checkpoints in the database beside the log (the read models' SQLite file or PostgreSQL schema). The table is
// not a read model: no rebuild drops it, and triggers refuse to change or delete its rows.

// Type aliases, not interfaces: Kysely's withTables wants an index signature, which only aliases imply.
type CheckpointRow = {
  tree_size: number | string | bigint;
  position: number | string | bigint;
  root: string;
  note: string;
  signed_at: string;
  /** Base64 DER of the RFC 3161 token, and its genTime; null when the checkpoint has no time-stamp. */
  timestamp_token: string | null;
  timestamp_gen_time: string | null;
};

type CheckpointTables = {
  audit_checkpoints: CheckpointRow;
};

export type CheckpointDialect = 'sqlite' | 'postgres';

// Added after the table's first release: tables created before lack them. A checkpoint is inserted with its
// time-stamp, so the append-only triggers stay as they were.
const TIMESTAMP_COLUMNS = ['timestamp_token', 'timestamp_gen_time'] as const;

const REFUSAL = 'audit_checkpoints is append-only: a signed checkpoint is never changed or deleted';

async function createSqliteTable(db: Kysely<CheckpointTables>): Promise<void> {
  await createTable(db);
  const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('audit_checkpoints')`.execute(db);
  for (const column of TIMESTAMP_COLUMNS) {
    if (!columns.rows.some((row) => row.name === column)) {
      await sql.raw(`ALTER TABLE audit_checkpoints ADD COLUMN ${column} text`).execute(db);
    }
  }
  await refuseSqliteChanges(db, 'audit_checkpoints', REFUSAL);
}

async function createPostgresTable(db: Kysely<CheckpointTables>): Promise<void> {
  await withPostgresTableLock(db, 'audit_checkpoints', async (trx) => {
    await createTable(trx);
    for (const column of TIMESTAMP_COLUMNS) {
      await sql.raw(`ALTER TABLE audit_checkpoints ADD COLUMN IF NOT EXISTS ${column} text`).execute(trx);
    }
    await refusePostgresChanges(trx, 'audit_checkpoints', REFUSAL);
  });
}

function createTable(db: Kysely<CheckpointTables>): Promise<void> {
  return db.schema
    .createTable('audit_checkpoints')
    .ifNotExists()
    .addColumn('tree_size', 'bigint', (column) => column.primaryKey())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('root', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('signed_at', 'text', (column) => column.notNull())
    .addColumn('timestamp_token', 'text')
    .addColumn('timestamp_gen_time', 'text')
    .execute()
    .then(() => undefined);
}

function timestampFromRow(row: CheckpointRow): CheckpointTimestamp | undefined {
  if (row.timestamp_token === null || row.timestamp_gen_time === null) return undefined;
  return { token: Buffer.from(row.timestamp_token, 'base64'), genTime: row.timestamp_gen_time };
}

function fromRow(row: CheckpointRow): StoredCheckpoint {
  const timestamp = timestampFromRow(row);
  return {
    treeSize: Number(row.tree_size),
    position: BigInt(row.position),
    root: row.root,
    note: row.note,
    signedAt: row.signed_at,
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

export class SqlCheckpointStore implements CheckpointStore {
  private constructor(private readonly db: Kysely<CheckpointTables>) {}

  /** Over the database of the log's read models; creates the table and its triggers when missing. */
  static async open<Tables>(database: Kysely<Tables>, dialect: CheckpointDialect): Promise<SqlCheckpointStore> {
    // The table is this store's own, whatever tables the connection was typed with.
    const db = database.withTables<CheckpointTables>() as unknown as Kysely<CheckpointTables>;
    await (dialect === 'sqlite' ? createSqliteTable(db) : createPostgresTable(db));
    return new SqlCheckpointStore(db);
  }

  async append(checkpoint: StoredCheckpoint): Promise<StoredCheckpoint> {
    await this.db
      .insertInto('audit_checkpoints')
      .values({
        tree_size: checkpoint.treeSize,
        position: checkpoint.position.toString(),
        root: checkpoint.root,
        note: checkpoint.note,
        signed_at: checkpoint.signedAt,
        timestamp_token: checkpoint.timestamp?.token.toString('base64') ?? null,
        timestamp_gen_time: checkpoint.timestamp?.genTime ?? null,
      })
      .onConflict((conflict) => conflict.column('tree_size').doNothing())
      .execute();
    const stored = await this.at(checkpoint.treeSize);
    if (stored === undefined) throw new Error(`checkpoint of size ${checkpoint.treeSize} not stored`);
    return stored;
  }

  async latest(): Promise<StoredCheckpoint | undefined> {
    const row = await this.db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  async list(after: number | undefined, limit: number): Promise<StoredCheckpoint[]> {
    const rows = await this.db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('tree_size', '>', after ?? -1)
      .orderBy('tree_size')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  async at(treeSize: number): Promise<StoredCheckpoint | undefined> {
    const row = await this.db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('tree_size', '=', treeSize)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }
}
