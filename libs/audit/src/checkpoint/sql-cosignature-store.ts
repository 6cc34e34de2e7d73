import type { Kysely } from 'kysely';
import { refusePostgresChanges, refuseSqliteChanges, withPostgresTableLock } from './append-only-table';
import type { CosignatureStore, StoredCosignature } from './cosignature-store';
import type { CheckpointDialect } from './sql-checkpoint-store';

// The witnesses' cosignatures in the database beside the log, next to audit_checkpoints: not a read model, no rebuild
// drops it, and triggers refuse to change or delete its rows.

// Type aliases, not interfaces: Kysely's withTables wants an index signature, which only aliases imply.
type CosignatureRow = {
  tree_size: number | string | bigint;
  /** A uint32: beyond PostgreSQL's integer. */
  key_id: number | string | bigint;
  witness: string;
  line: string;
  cosigned_at: string;
  received_at: string;
};

type CosignatureTables = {
  audit_cosignatures: CosignatureRow;
};

const TABLE = 'audit_cosignatures';
const REFUSAL = 'audit_cosignatures is append-only: a witness cosignature is never changed or deleted';

function createTable(db: Kysely<CosignatureTables>): Promise<void> {
  return (
    db.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('tree_size', 'bigint', (column) => column.notNull())
      .addColumn('key_id', 'bigint', (column) => column.notNull())
      .addColumn('witness', 'text', (column) => column.notNull())
      .addColumn('line', 'text', (column) => column.notNull())
      .addColumn('cosigned_at', 'text', (column) => column.notNull())
      .addColumn('received_at', 'text', (column) => column.notNull())
      // One cosignature per checkpoint and witness key: a witness asked again keeps its first.
      .addPrimaryKeyConstraint('audit_cosignatures_pkey', ['tree_size', 'key_id'])
      .execute()
      .then(() => undefined)
  );
}

async function createSqliteTable(db: Kysely<CosignatureTables>): Promise<void> {
  await createTable(db);
  await refuseSqliteChanges(db, TABLE, REFUSAL);
}

function createPostgresTable(db: Kysely<CosignatureTables>): Promise<void> {
  return withPostgresTableLock(db, TABLE, async (trx) => {
    await createTable(trx);
    await refusePostgresChanges(trx, TABLE, REFUSAL);
  });
}

function fromRow(row: CosignatureRow): StoredCosignature {
  return {
    treeSize: Number(row.tree_size),
    witness: row.witness,
    keyId: Number(row.key_id),
    line: row.line,
    cosignedAt: row.cosigned_at,
    receivedAt: row.received_at,
  };
}

export class SqlCosignatureStore implements CosignatureStore {
  private constructor(private readonly db: Kysely<CosignatureTables>) {}

  /** Over the database of the log's read models; creates the table and its triggers when missing. */
  static async open<Tables>(database: Kysely<Tables>, dialect: CheckpointDialect): Promise<SqlCosignatureStore> {
    // The table is this store's own, whatever tables the connection was typed with.
    const db = database.withTables<CosignatureTables>() as unknown as Kysely<CosignatureTables>;
    await (dialect === 'sqlite' ? createSqliteTable(db) : createPostgresTable(db));
    return new SqlCosignatureStore(db);
  }

  async add(cosignature: StoredCosignature): Promise<StoredCosignature> {
    await this.db
      .insertInto(TABLE)
      .values({
        tree_size: cosignature.treeSize,
        key_id: cosignature.keyId,
        witness: cosignature.witness,
        line: cosignature.line,
        cosigned_at: cosignature.cosignedAt,
        received_at: cosignature.receivedAt,
      })
      .onConflict((conflict) => conflict.columns(['tree_size', 'key_id']).doNothing())
      .execute();
    const stored = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where('tree_size', '=', cosignature.treeSize)
      .where('key_id', '=', cosignature.keyId)
      .executeTakeFirst();
    if (stored === undefined) throw new Error(`cosignature of size ${cosignature.treeSize} not stored`);
    return fromRow(stored);
  }

  async of(treeSizes: readonly number[]): Promise<StoredCosignature[]> {
    if (treeSizes.length === 0) return [];
    const rows = await this.db
      .selectFrom(TABLE)
      .selectAll()
      .where('tree_size', 'in', [...treeSizes])
      .orderBy('tree_size')
      .orderBy('received_at')
      .orderBy('key_id')
      .execute();
    return rows.map(fromRow);
  }

  async latestCosignedSize(): Promise<number | undefined> {
    const { size } = await this.db
      .selectFrom(TABLE)
      .select((eb) => eb.fn.max('tree_size').as('size'))
      .executeTakeFirstOrThrow();
    return size === null || size === undefined ? undefined : Number(size);
  }
}
