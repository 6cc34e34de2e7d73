import { SqliteEventStore, type NewEvent, type StoredEvent } from '@portfolio/event-store';
import { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from '@portfolio/read-models';
import { sql } from 'kysely';
import { scratchPostgresSchema, scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';
import type { Clock } from '../clock/clock';
import { ErasureLog, type ErasureFacts } from './erasure-log';
import { IdentityRetention, RETENTION_ACTOR } from './identity-retention';
import { PersonalData } from './personal-data';
import { ERASED_PLACEHOLDER } from './personal-envelope';
import { SqlPersonalKeyStore } from './personal-key-store';

// The key store on both SQL stores, as several instances sharing it use it: one key per subject and month whoever
// creates it, an erasure on one instance holding at once on the others, retention erasing only past months; each
// erasure an event in the log, appended before its keys are deleted and completed by the next call if it stopped short.

const KINDS = ['sqlite', 'postgres'] as const;
const SUBJECT = 'oidc:https://issuer.test#camille';
const OTHER = 'token:programme-office:0123456789ab';
const ADMIN = { id: 'token:admin:0123456789ab', name: 'Admin', role: 'admin' };

/** Key deletion failing in the database itself (as a full disk would), until `heal` is called. */
async function failKeyDeletion(database: ReadModelDatabase): Promise<{ heal: () => Promise<void> }> {
  if (database.dialect === 'sqlite') {
    await sql`CREATE TRIGGER keys_fault BEFORE DELETE ON personal_data_keys BEGIN SELECT RAISE(ABORT, 'disk fault'); END`.execute(
      database.db,
    );
    return { heal: async () => void (await sql`DROP TRIGGER keys_fault`.execute(database.db)) };
  }
  await sql`CREATE FUNCTION keys_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk fault'; END $$`.execute(
    database.db,
  );
  await sql`CREATE TRIGGER keys_fault BEFORE DELETE ON personal_data_keys EXECUTE FUNCTION keys_fault()`.execute(
    database.db,
  );
  return { heal: async () => void (await sql`DROP FUNCTION keys_fault() CASCADE`.execute(database.db)) };
}

/** A clock the test moves. */
function movableClock(start: string): Clock & { set(instant: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (instant) => void (now = new Date(instant)) };
}

let events = 0;
function named(name: string, subject = SUBJECT): NewEvent {
  return {
    eventId: `event-${(events += 1)}`,
    type: 'ProjectClosed',
    schemaVersion: 1,
    data: { projectId: 'franceconnect', note: `note de ${name}` },
    metadata: { actor: { id: subject, name, role: 'programme-office' } },
  };
}

/** A sealed event as a read gets it back from the log. */
function stored(event: NewEvent): StoredEvent {
  return {
    ...event,
    position: 1n,
    streamId: 'project-franceconnect',
    revision: 0n,
    recordedAt: '',
    prevHash: '',
    hash: '',
  };
}

describe.each(KINDS)('personal data keys on %s, shared by two instances', (kind) => {
  let location: ReadModelLocation;
  let dispose: () => Promise<void>;
  let databases: ReadModelDatabase[];
  let clock: ReturnType<typeof movableClock>;
  let first: PersonalData;
  let second: PersonalData;
  let store: SqliteEventStore;
  let removeStore: () => void;

  beforeEach(async () => {
    if (kind === 'sqlite') {
      const scratch = scratchSqliteFile('personal-data');
      location = { kind, file: scratch.file };
      dispose = async () => scratch.remove();
    } else {
      const scratch = scratchPostgresSchema('personal_data');
      location = { kind, databaseUrl: scratch.connectionString, schema: scratch.schema };
      dispose = () => scratch.drop();
    }
    clock = movableClock('2026-12-05T07:00:00Z');
    databases = [await openReadModelDatabase(location), await openReadModelDatabase(location)];
    const open = async (database: ReadModelDatabase) =>
      new PersonalData(await SqlPersonalKeyStore.open(database.db, database.dialect), clock);
    // One after the other, as instances start: each creates the tables and triggers the other finds.
    first = await open(databases[0]);
    second = await open(databases[1]);
    // The log the erasures are recorded in: any store will do, the keys are what differ by kind here.
    const scratchLog = scratchSqliteFile('personal-data-log');
    store = new SqliteEventStore({ file: scratchLog.file });
    removeStore = scratchLog.remove;
  });
  afterEach(async () => {
    await store.close();
    removeStore();
    for (const database of databases) await database.close();
    await dispose();
  });

  it('gives instances racing to create a subject’s key for a month the same key', async () => {
    const keys = await Promise.all([
      first.keys.keyFor(SUBJECT, '2026-12', clock.now().toISOString()),
      second.keys.keyFor(SUBJECT, '2026-12', clock.now().toISOString()),
    ]);
    expect(keys[0]).toEqual(keys[1]);
    expect(keys[0].id).toMatch(/^2026-12\./);
  });

  it('reveals on one instance what another sealed, and nothing once the other erased it: no cache to outlive it', async () => {
    const [sealed] = await first.conceal([named('Camille Durand')], SUBJECT);
    expect(JSON.stringify(sealed)).not.toContain('Camille Durand');
    const [read] = await second.reveal([stored(sealed)]);
    expect(read.metadata).toMatchObject({ actor: { name: 'Camille Durand' } });
    expect(read.data).toMatchObject({ note: 'note de Camille Durand' });

    await second.keys.deleteKeys((await second.keys.keysOf(SUBJECT)).map((key) => key.id));
    const [erased] = await first.reveal([stored(sealed)]);
    expect(erased.metadata).toMatchObject({ actor: { id: SUBJECT, name: ERASED_PLACEHOLDER } });
    expect(erased.data).toMatchObject({ note: ERASED_PLACEHOLDER });
  });

  // On SQLite, this fault (a trigger refusing the deletion) was not raised in about one run in four when other suites
  // ran beside it, for a cause not yet found; SQLite's failed deletion and its retry are tested end to end instead
  // (test/personal-data-erasure.e2e-spec.ts). Here, PostgreSQL's.
  const onPostgres = kind === 'postgres' ? it : it.skip;
  onPostgres(
    'records an erasure before deleting its keys; a retry after a failed deletion completes it, recording nothing',
    async () => {
      await first.conceal([named('Camille Durand')], SUBJECT);
      const keyIds = (await first.keys.keysOf(SUBJECT)).map((key) => key.id);
      expect(keyIds).toEqual([expect.stringMatching(/^2026-12\./)]);
      const erasure: ErasureFacts = {
        subjectId: SUBJECT,
        scope: 'subject',
        reason: 'art. 17',
        erasedOn: '2026-12-05',
        periods: ['2026-12'],
        keyIds,
      };
      // Asks for the erasure only while none is recorded, as DataSubjects does.
      const once = async (recorded: readonly ErasureFacts[]) => (recorded.length === 0 ? [erasure] : []);
      const fault = await failKeyDeletion(databases[0]);
      await expect(new ErasureLog(store, first).erase(once, ADMIN)).rejects.toThrow(/disk fault/);
      await fault.heal();
      expect(await first.keys.periodsOf(SUBJECT)).toEqual(['2026-12']);

      const retried = await new ErasureLog(store, second).erase(once, ADMIN);
      expect(retried.appended).toEqual([]);
      expect(retried.earlier).toEqual([
        {
          ...erasure,
          position: expect.any(String),
          recordedAt: expect.any(String),
          by: { id: ADMIN.id, role: 'admin' },
        },
      ]);
      expect(await first.keys.periodsOf(SUBJECT)).toEqual([]);
      const logged = [];
      for await (const event of store.readAll()) logged.push(event);
      expect(logged.map((event) => event.type)).toEqual(['PersonalDataErased']);
      expect(JSON.stringify(logged.map((event) => event.metadata))).not.toContain('"Admin"');
    },
  );

  it('erases by retention the months past it, on a schedule, recording each run that erased something', async () => {
    const logged: string[] = [];
    const retention = (personal: PersonalData) =>
      new IdentityRetention(personal.keys, new ErasureLog(store, personal), clock, {
        days: 365,
        intervalMs: 60_000,
        log: (m) => logged.push(m),
      });
    for (const month of ['2025-10', '2025-11', '2025-12']) {
      clock.set(`${month}-15T12:00:00Z`);
      await first.conceal([named(`Agent ${month}`)], SUBJECT);
      await first.conceal([named(`Agent ${month}`, OTHER)], OTHER);
    }
    const [decemberEvent] = await first.conceal([named('Camille')], SUBJECT);
    clock.set('2026-11-20T00:00:00Z');
    // A year back is 2025-11-20: October's keys are past the retention, November's still cover days within it.
    const [one, two] = await Promise.all([retention(first).run(), retention(second).run()]);
    const october = { scope: 'retention', before: '2025-11', erasedOn: '2026-11-20', periods: ['2025-10'] };
    expect([...one, ...two]).toEqual([
      expect.objectContaining({ ...october, subjectId: SUBJECT, by: RETENTION_ACTOR }),
      expect.objectContaining({ ...october, subjectId: OTHER, reason: 'retention: identifying data kept 365 days' }),
    ]);
    expect(await first.keys.periodsOf(SUBJECT)).toEqual(['2025-11', '2025-12']);
    expect(await retention(first).run()).toEqual([]);
    expect(logged).toEqual(['retention: erased 2 keys of 2 subjects, months before 2025-11']);
    // Sealed under December 2025's key (the clock's month then), within the retention: still readable.
    expect((await second.reveal([stored(decemberEvent)]))[0].metadata).toMatchObject({ actor: { name: 'Camille' } });

    clock.set('2027-01-01T00:00:00Z');
    const scheduled = retention(second);
    scheduled.start();
    await scheduled.stop();
    expect(await first.keys.periodsOf(SUBJECT)).toEqual([]);
    expect(logged).toEqual([
      'retention: erased 2 keys of 2 subjects, months before 2025-11',
      'retention: identifying data kept 365 days, past months erased every 60000 ms',
      'retention: erased 4 keys of 2 subjects, months before 2026-01',
    ]);
  });
});
