import { refusePostgresChanges, refuseSqliteChanges, withPostgresTableLock } from '@portfolio/audit';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { PersonalKey } from './personal-envelope';

// The data subjects' keys and the record of their erasures, in the database beside the log (the read models' SQLite
// file or PostgreSQL schema): backed up with it, never exported, and no rebuild drops them. No cache in front of
// them: every reveal reads the keys it needs, so an erasure on one instance holds on every instance at once.

type KeyRow = { key_id: string; subject: string; period: string; secret: string; created_at: string };
type ErasureRow = {
  erased_at: string;
  /** The erased subject; null for a retention run, which erases every subject's old periods. */
  subject: string | null;
  /** Periods before this one were erased (retention); null when all of the subject's were. */
  before_period: string | null;
  keys_erased: number;
  reason: string;
  /** Who asked: the administrator's actor id and role (an id only: the administrator is a data subject too). */
  erased_by_id: string;
  erased_by_role: string;
};
type PersonalDataTables = { personal_data_keys: KeyRow; personal_data_erasures: ErasureRow };

/** One erasure as recorded: who, when, why, how many keys; no personal data. */
export interface ErasureRecord {
  readonly erasedAt: string;
  readonly subject: string | null;
  readonly beforePeriod: string | null;
  readonly keysErased: number;
  readonly reason: string;
  readonly erasedBy: { readonly id: string; readonly role: string };
}

export type ErasureRequest = Omit<ErasureRecord, 'keysErased' | 'subject' | 'beforePeriod'>;

const REFUSAL = 'personal_data_erasures is append-only: an erasure record is never changed or deleted';

async function createTables(db: Kysely<PersonalDataTables>): Promise<void> {
  await db.schema
    .createTable('personal_data_keys')
    .ifNotExists()
    .addColumn('key_id', 'text', (column) => column.primaryKey())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('period', 'text', (column) => column.notNull())
    .addColumn('secret', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('personal_data_keys_subject_period', ['subject', 'period'])
    .execute();
  await db.schema
    .createTable('personal_data_erasures')
    .ifNotExists()
    .addColumn('erased_at', 'text', (column) => column.notNull())
    .addColumn('subject', 'text')
    .addColumn('before_period', 'text')
    .addColumn('keys_erased', 'integer', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('erased_by_id', 'text', (column) => column.notNull())
    .addColumn('erased_by_role', 'text', (column) => column.notNull())
    .execute();
}

function toRecord(row: ErasureRow): ErasureRecord {
  return {
    erasedAt: row.erased_at,
    subject: row.subject,
    beforePeriod: row.before_period,
    keysErased: Number(row.keys_erased),
    reason: row.reason,
    erasedBy: { id: row.erased_by_id, role: row.erased_by_role },
  };
}

function toKey(row: Pick<KeyRow, 'key_id' | 'subject' | 'secret'>): PersonalKey {
  return { id: row.key_id, subject: row.subject, secret: Buffer.from(row.secret, 'base64') };
}

export class SqlPersonalKeyStore {
  private constructor(private readonly db: Kysely<PersonalDataTables>) {}

  /** Over the database of the log's read models; creates the tables when missing. */
  static async open<Tables>(database: Kysely<Tables>, dialect: 'sqlite' | 'postgres'): Promise<SqlPersonalKeyStore> {
    const db = database.withTables<PersonalDataTables>() as unknown as Kysely<PersonalDataTables>;
    if (dialect === 'sqlite') {
      await createTables(db);
      await refuseSqliteChanges(db, 'personal_data_erasures', REFUSAL);
    } else {
      await withPostgresTableLock(db, 'personal_data_keys', async (trx) => {
        await createTables(trx);
        await refusePostgresChanges(trx, 'personal_data_erasures', REFUSAL);
      });
    }
    return new SqlPersonalKeyStore(db);
  }

  /**
   * The subject's key for `period`, created on first use. The key is committed before this returns, hence before any
   * event sealed with it is appended; instances racing to create it all get the one that won.
   */
  async keyFor(subject: string, period: string, now: string): Promise<PersonalKey> {
    // Read first: after the month's first command the key exists, and one query is all a command costs.
    const existing = await this.periodKey(subject, period);
    if (existing !== undefined) return existing;
    await this.db
      .insertInto('personal_data_keys')
      .values({
        key_id: `${period}.${randomBytes(9).toString('base64url')}`,
        subject,
        period,
        secret: randomBytes(32).toString('base64'),
        created_at: now,
      })
      .onConflict((conflict) => conflict.columns(['subject', 'period']).doNothing())
      .execute();
    const created = await this.periodKey(subject, period);
    if (created === undefined) throw new Error(`the key of ${subject} for ${period} was erased as it was created`);
    return created;
  }

  private async periodKey(subject: string, period: string): Promise<PersonalKey | undefined> {
    const row = await this.db
      .selectFrom('personal_data_keys')
      .select(['key_id', 'subject', 'secret'])
      .where('subject', '=', subject)
      .where('period', '=', period)
      .executeTakeFirst();
    return row === undefined ? undefined : toKey(row);
  }

  /** The keys among `ids` that still exist. */
  async keys(ids: Iterable<string>): Promise<Map<string, PersonalKey>> {
    const wanted = [...new Set(ids)];
    const found = new Map<string, PersonalKey>();
    if (wanted.length === 0) return found;
    const rows = await this.db
      .selectFrom('personal_data_keys')
      .select(['key_id', 'subject', 'secret'])
      .where('key_id', 'in', wanted)
      .execute();
    for (const row of rows) found.set(row.key_id, toKey(row));
    return found;
  }

  /** The periods the subject still has keys for, oldest first. */
  async periodsOf(subject: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('personal_data_keys')
      .select('period')
      .where('subject', '=', subject)
      .orderBy('period')
      .execute();
    return rows.map((row) => row.period);
  }

  /** The erasures of this subject, oldest first. */
  async erasuresOf(subject: string): Promise<ErasureRecord[]> {
    const rows = await this.db
      .selectFrom('personal_data_erasures')
      .selectAll()
      .where('subject', '=', subject)
      .orderBy('erased_at')
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Deletes every key of the subject and records it. Recorded even when no key was left, the first time (a subject
   * whose keys a retention run took is erased all the same); a repeated erasure of nothing records nothing more.
   */
  async eraseSubject(subject: string, request: ErasureRequest): Promise<ErasureRecord | undefined> {
    const deleted = await this.db
      .deleteFrom('personal_data_keys')
      .where('subject', '=', subject)
      .returning('key_id')
      .execute();
    if (deleted.length === 0 && (await this.erasuresOf(subject)).length > 0) return undefined;
    return this.record({ ...request, subject, beforePeriod: null, keysErased: deleted.length });
  }

  /** Deletes every subject's keys of the periods before `beforePeriod`; records it when it deleted any. */
  async eraseBefore(beforePeriod: string, request: ErasureRequest): Promise<ErasureRecord | undefined> {
    const deleted = await this.db
      .deleteFrom('personal_data_keys')
      .where('period', '<', beforePeriod)
      .returning('key_id')
      .execute();
    if (deleted.length === 0) return undefined;
    return this.record({ ...request, subject: null, beforePeriod, keysErased: deleted.length });
  }

  private async record(record: ErasureRecord): Promise<ErasureRecord> {
    await this.db
      .insertInto('personal_data_erasures')
      .values({
        erased_at: record.erasedAt,
        subject: record.subject,
        before_period: record.beforePeriod,
        keys_erased: record.keysErased,
        reason: record.reason,
        erased_by_id: record.erasedBy.id,
        erased_by_role: record.erasedBy.role,
      })
      .execute();
    return record;
  }
}

/** The period a key covers: the UTC month of the event, `2026-12`. */
export function periodOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}
