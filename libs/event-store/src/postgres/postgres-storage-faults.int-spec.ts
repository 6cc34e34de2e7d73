import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { StoreUnavailableError } from '../errors';
import { collect, newEvent } from '../testing/event-store-contract';
import { scratchPostgresSchema, type ScratchSchema } from '../testing/scratch-database';
import { testDatabaseUrl } from '../testing/test-database-url';
import { PostgresEventStore } from './postgres-event-store';

const defined = (code: string) => [newEvent('MissionDefined', { missionCode: code })];
const PASSWORD = 'never-shown-in-an-error';

/** The probe's outcome once it is no longer a pooled connection that was terminated under it. */
async function probeSettled(store: PostgresEventStore): Promise<unknown> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const outcome = await store.probeWrite().then(
      () => undefined,
      (error: unknown) => error,
    );
    const lostConnection = outcome instanceof StoreUnavailableError && outcome.fault === 'unreachable';
    if (!lostConnection || Date.now() > deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A read-only server for real: the store's role gets default_transaction_read_only, as on a hot standby, and its
// sessions are ended so that the pool's next ones start with it.
describe('PostgreSQL event store on a read-only server', () => {
  const role = `portfolio_ro_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  let scratch: ScratchSchema;
  let store: PostgresEventStore;

  async function setReadOnly(readOnly: boolean): Promise<void> {
    await admin.query(
      readOnly
        ? `ALTER ROLE ${role} SET default_transaction_read_only = on`
        : `ALTER ROLE ${role} RESET default_transaction_read_only`,
    );
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role]);
  }

  beforeAll(async () => {
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(
      `DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO ${role}', current_database()); END $$`,
    );
    scratch = scratchPostgresSchema('readonly');
    const url = new URL(scratch.connectionString);
    url.username = role;
    url.password = PASSWORD;
    store = await PostgresEventStore.open({ connectionString: url.toString(), schema: scratch.schema });
  });
  afterAll(async () => {
    await store.close();
    await scratch.drop();
    await admin.query(
      `DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM ${role}', current_database()); END $$`,
    );
    await admin.query(`DROP ROLE ${role}`);
    await admin.end();
  });

  it('refuses appends as read_only (SQLSTATE 25006) naming the server without credentials, and takes them again once writable', async () => {
    await store.append('mission-IDNUM', defined('IDNUM'), 'no_stream');
    await setReadOnly(true);
    const probed = await probeSettled(store);
    expect(probed).toMatchObject({ fault: 'read_only' });

    const refused = await store.append('mission-DATA', defined('DATA'), 'no_stream').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    const { host, pathname } = new URL(scratch.connectionString);
    expect(refused).toMatchObject({
      fault: 'read_only',
      where: `PostgreSQL at ${host}${pathname}`,
      cause: { code: '25006' },
    });
    expect((refused as Error).message).toMatch(/is read-only: .*read-only transaction/);
    expect(JSON.stringify({ ...(refused as object), message: (refused as Error).message })).not.toContain(PASSWORD);
    // Reads go on.
    expect(await store.head()).toBe(1n);

    await setReadOnly(false);
    expect(await probeSettled(store)).toBeUndefined();
    await store.append('mission-DATA', defined('DATA'), 'no_stream');
    expect((await collect(store.readAll())).map((event) => event.streamId)).toEqual(['mission-IDNUM', 'mission-DATA']);
  }, 60_000);
});
