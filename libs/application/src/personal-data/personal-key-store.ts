import { withPostgresTableLock } from '@portfolio/audit';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { PersonalKey } from './personal-envelope';

// The data subjects' keys, in the database beside the log (the read models' SQLite
// file or PostgreSQL schema): backed up with it, never exported, and no rebuild drops them. No cache in front of
// them: every reveal reads the keys it needs, so an erasure on one instance holds on every instance at once.

type KeyRow = { key_id: string; subject: string; period: string; secret: string; created_at: string };
type PersonalDataTables = { personal_data_keys: KeyRow };

/** A key as an erasure lists it: its id (as the log's envelopes name it), whose it is and the month it covers. */
export interface KeyHeld {
  readonly id: string;
  readonly subject: string;
  readonly period: string;
}

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
}

function toKey(row: Pick<KeyRow, 'key_id' | 'subject' | 'secret'>): PersonalKey {
  return { id: row.key_id, subject: row.subject, secret: Buffer.from(row.secret, 'base64') };
}

export class SqlPersonalKeyStore {
  private constructor(private readonly db: Kysely<PersonalDataTables>) {}

  /** Over the database of the log's read models; creates the tables when missing. */
  static async open<Tables>(database: Kysely<Tables>, dialect: 'sqlite' | 'postgres'): Promise<SqlPersonalKeyStore> {
    const db = database.withTables<PersonalDataTables>() as unknown as Kysely<PersonalDataTables>;
    if (dialect === 'sqlite') await createTables(db);
    else await withPostgresTableLock(db, 'personal_data_keys', createTables);
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

  /** The subject's keys, oldest month first. */
  async keysOf(subject: string): Promise<KeyHeld[]> {
    return this.db
      .selectFrom('personal_data_keys')
      .select(['key_id as id', 'subject', 'period'])
      .where('subject', '=', subject)
      .orderBy('period')
      .execute();
  }

  /** Every subject's keys of the months before `period`, by subject then month. */
  async keysBefore(period: string): Promise<KeyHeld[]> {
    return this.db
      .selectFrom('personal_data_keys')
      .select(['key_id as id', 'subject', 'period'])
      .where('period', '<', period)
      .orderBy('subject')
      .orderBy('period')
      .execute();
  }

  /** Deletes the keys among `ids` that still exist; how many it deleted. Deleting a key twice deletes it once. */
  async deleteKeys(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const deleted = await this.db
      .deleteFrom('personal_data_keys')
      .where('key_id', 'in', ids)
      .returning('key_id')
      .execute();
    return deleted.length;
  }
}

/** The period a key covers: the UTC month of the event, `2026-12`. */
export function periodOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}
