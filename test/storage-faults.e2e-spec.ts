import { join } from 'node:path';
import request from 'supertest';
import type { StorageFault } from '@portfolio/event-store';
import { createReadOnlyRole } from '../libs/event-store/src/testing/read-only-role';
import { scratchPostgresSchema } from '../libs/event-store/src/testing/scratch-database';
import { mountTinyFileSystem } from '../libs/event-store/src/testing/storage-faults';
import { allEvents } from './support/store-probe';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { idnumMission } from './support/tech-gouv-requests';

// Real storage faults under the running application: a disk that fills up (SQLite on a tmpfs of a few megabytes) and
// a PostgreSQL server that turns read-only. Commands answer 503 naming the fault, readiness says so, and both come
// back by themselves once the fault is gone.

interface BrokenStorage {
  readonly testApp: TestApp;
  /** Where the problem and readiness must say the fault is. */
  readonly where: string;
  /** Secrets that no answer may show. */
  readonly secrets: readonly string[];
  inject(): Promise<void>;
  remove(): Promise<void>;
  tearDown(): Promise<void>;
}

interface Scenario {
  readonly name: string;
  readonly cause: StorageFault;
  readonly description: (where: string) => string;
  /** The storage, or why it cannot be had on this machine. */
  readonly setUp: () => Promise<BrokenStorage | string>;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'SQLite on a disk that fills up',
    cause: 'disk_full',
    description: (where) => `the disk holding ${where} is full`,
    setUp: async () => {
      const disk = mountTinyFileSystem(16);
      if (typeof disk === 'string') return disk;
      const file = join(disk.dir, 'portfolio.sqlite');
      const testApp = await startTestApp('sqlite', { dataDir: disk.dir, store: { kind: 'sqlite', file } });
      return {
        testApp,
        where: `the SQLite database ${file}`,
        secrets: [],
        inject: async () => disk.fill(),
        remove: async () => disk.free(),
        tearDown: async () => {
          disk.free();
          await testApp.close();
          disk.remove();
        },
      };
    },
  },
  {
    name: 'PostgreSQL turning read-only',
    cause: 'read_only',
    description: (where) => `${where} is read-only`,
    setUp: async () => {
      const role = await createReadOnlyRole();
      const scratch = scratchPostgresSchema('e2e_readonly');
      const testApp = await startTestApp('postgres', {
        store: { kind: 'postgres', databaseUrl: role.connectionString, schema: scratch.schema },
      });
      return {
        testApp,
        where: role.server,
        secrets: [role.password],
        inject: () => role.setReadOnly(true),
        remove: () => role.setReadOnly(false),
        tearDown: async () => {
          await testApp.close();
          await scratch.drop();
          await role.drop();
        },
      };
    },
  },
];

const programmeOffice = bearer('programme-office');
const dataMission = { ...idnumMission, missionCode: 'DATA', name: 'Data' };

/** Polls `attempt` until `done` holds of its answer or 30 s pass; the last answer either way. */
async function until<T>(attempt: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await attempt();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(SCENARIOS)('storage faults: $name', ({ cause, description, setUp }) => {
  let storage: BrokenStorage | string;
  beforeAll(async () => {
    storage = await setUp();
    // Said on the console too, so that a green run never hides a scenario that did not run.
    if (typeof storage === 'string') console.warn(`storage-fault scenario skipped: ${storage}`);
  }, 60_000);
  afterAll(async () => {
    if (typeof storage !== 'string') await storage.tearDown();
  }, 60_000);

  it('answers commands 503 with Retry-After and the fault, reports not ready, and recovers once the fault is removed', async () => {
    if (typeof storage === 'string') return;
    const { testApp, where, secrets } = storage;
    const server = testApp.app.getHttpServer();
    const defineMission = (body: object) => request(server).post('/api/v1/missions').set(programmeOffice).send(body);
    await defineMission(idnumMission).expect(201);

    await storage.inject();
    // A pooled connection ended under the store answers `unreachable` once: the next command meets the fault itself.
    const refused = await until(
      () => defineMission(dataMission),
      (response) => response.status !== 503 || response.body.cause === cause,
    );
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.body).toMatchObject({ status: 503, code: 'store_unavailable', cause, where });
    expect(refused.body.detail).toBe(`${description(where)}: nothing was recorded; retry the request`);
    for (const secret of secrets) expect(refused.text).not.toContain(secret);

    const notReady = await request(server).get('/health/ready').expect(503);
    expect(notReady.body.detail).toContain(`writes: ${description(where)}`);
    for (const secret of secrets) expect(notReady.text).not.toContain(secret);
    // Reads go on.
    await request(server).get('/api/v1/portfolio').set(bearer('reviewer')).expect(200);

    await storage.remove();
    const ready = await until(
      () => request(server).get('/health/ready'),
      (response) => response.status === 200,
    );
    expect([ready.status, ready.body.detail]).toEqual([200, undefined]);
    await defineMission(dataMission).expect(201);
    expect((await allEvents(testApp)).map((event) => event.streamId)).toEqual(['mission-IDNUM', 'mission-DATA']);
  }, 120_000);
});
