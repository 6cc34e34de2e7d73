import { StoreUnavailableError } from '../errors';
import { collect, newEvent } from '../testing/event-store-contract';
import { scratchPostgresSchema, type ScratchSchema } from '../testing/scratch-database';
import { createReadOnlyRole, type ReadOnlyRole } from '../testing/read-only-role';
import { PostgresEventStore } from './postgres-event-store';

const defined = (code: string) => [newEvent('MissionDefined', { missionCode: code })];

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

describe('PostgreSQL event store on a read-only server', () => {
  let role: ReadOnlyRole;
  let scratch: ScratchSchema;
  let store: PostgresEventStore;

  beforeAll(async () => {
    role = await createReadOnlyRole();
    scratch = scratchPostgresSchema('readonly');
    store = await PostgresEventStore.open({ connectionString: role.connectionString, schema: scratch.schema });
  });
  afterAll(async () => {
    await store.close();
    await scratch.drop();
    await role.drop();
  });

  it('refuses appends as read_only (SQLSTATE 25006) naming the server without credentials, and takes them again once writable', async () => {
    await store.append('mission-IDNUM', defined('IDNUM'), 'no_stream');
    await role.setReadOnly(true);
    const probed = await probeSettled(store);
    expect(probed).toMatchObject({ fault: 'read_only' });

    const refused = await store.append('mission-DATA', defined('DATA'), 'no_stream').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(refused).toMatchObject({
      fault: 'read_only',
      where: role.server,
      cause: { code: '25006' },
    });
    expect((refused as Error).message).toMatch(/is read-only: .*read-only transaction/);
    expect(JSON.stringify({ ...(refused as object), message: (refused as Error).message })).not.toContain(
      role.password,
    );
    // Reads go on.
    expect(await store.head()).toBe(1n);

    await role.setReadOnly(false);
    expect(await probeSettled(store)).toBeUndefined();
    await store.append('mission-DATA', defined('DATA'), 'no_stream');
    expect((await collect(store.readAll())).map((event) => event.streamId)).toEqual(['mission-IDNUM', 'mission-DATA']);
  }, 60_000);
});
