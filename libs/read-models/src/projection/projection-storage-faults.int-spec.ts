import { join } from 'node:path';
import { SqliteEventStore } from '@portfolio/event-store';
import { scratchSqliteFile, type ScratchFile } from '../../../event-store/src/testing/scratch-database';
import { mountTinyFileSystem, type TinyFileSystem } from '../../../event-store/src/testing/storage-faults';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { fixedNow } from '../testing/fixed-now';
import { projectorsOf } from '../testing/runtime-of';
import { hubeeMeasurement, seedLog } from '../testing/seed-log';
import { ProjectionRuntime } from './projection-runtime';

/** Resolves once `condition` holds; fails after `withinMs`. */
async function until(condition: () => boolean | Promise<boolean>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const tinyFileSystem = mountTinyFileSystem(8);
// Skipped only where a tmpfs cannot be mounted (that needs root; CI runs as root, so there these tests run), and said
// on the console then, so that a green run never hides it.
const onTinyFileSystem = typeof tinyFileSystem === 'string' ? describe.skip : describe;
if (typeof tinyFileSystem === 'string') console.warn(`projection disk-full test skipped: ${tinyFileSystem}`);
afterAll(() => (typeof tinyFileSystem === 'string' ? undefined : tinyFileSystem.remove()));

// The log on a disk with room, the read models on one that fills up: appends go on, the projections cannot write.
onTinyFileSystem('projection runtime whose read models are on a full disk', () => {
  const disk = tinyFileSystem as TinyFileSystem;
  const readModelFile = join(disk.dir, 'read-models.sqlite');
  let scratch: ScratchFile;
  let store: SqliteEventStore;
  let database: ReadModelDatabase;
  let runtime: ProjectionRuntime;
  beforeAll(async () => {
    scratch = scratchSqliteFile('projection-faults');
    store = new SqliteEventStore({ file: scratch.file });
    database = await openReadModelDatabase({ kind: 'sqlite', file: readModelFile });
    runtime = new ProjectionRuntime(store, database, projectorsOf(database), {
      now: fixedNow,
      idleWaitMs: 200,
      retryDelayMs: 50,
      maxRetryDelayMs: 400,
    });
    await seedLog(store, 5);
    await runtime.start();
  });
  afterAll(async () => {
    disk.free();
    await runtime.stop();
    await database.close();
    await store.close();
    scratch.remove();
  });

  it('reports the fault and the file in its health and status, then catches up by itself once space is freed', async () => {
    expect(await runtime.waitFor(await store.head(), 5000)).toBe(true);
    disk.fill();
    let position = 0n;
    for (let value = 1; value <= 20; value++) {
      ({ position } = await store.append('project-hubee', [hubeeMeasurement(value)], 'any'));
    }
    const fault = `the disk holding the SQLite database ${readModelFile} is full`;
    await until(() => !runtime.health().ok, 10_000);
    expect(runtime.health()).toEqual({ ok: false, reason: expect.stringContaining(`fail and retry: ${fault}`) });
    const { projectors } = await runtime.status();
    expect(projectors.map((projector) => projector.lastError)).toEqual(
      projectors.map(() => expect.stringContaining(fault)),
    );
    expect(runtime.position).toBeLessThan(position);

    disk.free();
    expect(await runtime.waitFor(position, 10_000)).toBe(true);
    await until(() => runtime.health().ok, 10_000);
  }, 60_000);
});
