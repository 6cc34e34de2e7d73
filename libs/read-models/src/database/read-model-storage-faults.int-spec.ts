import { join } from 'node:path';
import { sql } from 'kysely';
import { StoreUnavailableError } from '@portfolio/event-store';
import { createReadOnlyRole, type ReadOnlyRole } from '../../../event-store/src/testing/read-only-role';
import { scratchPostgresSchema, type ScratchSchema } from '../../../event-store/src/testing/scratch-database';
import { mountTinyFileSystem, type TinyFileSystem } from '../../../event-store/src/testing/storage-faults';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database';

// A projection's batch that meets a real storage fault fails as StoreUnavailableError naming it: what the
// projections' state (lastError) and readiness then say.

/** A write of a few megabytes, more than a full disk has left. */
const ballast = (database: ReadModelDatabase) => ({
  statements: [
    sql`CREATE TABLE IF NOT EXISTS ballast (b BLOB)`.compile(database.db),
    sql`INSERT INTO ballast VALUES (zeroblob(2000000))`.compile(database.db),
  ],
});

const tinyFileSystem = mountTinyFileSystem(8);
// Skipped only where a tmpfs cannot be mounted (that needs root; CI runs as root, so there these tests run), and said
// on the console then, so that a green run never hides it.
const onTinyFileSystem = typeof tinyFileSystem === 'string' ? describe.skip : describe;
if (typeof tinyFileSystem === 'string') console.warn(`read-model disk-full test skipped: ${tinyFileSystem}`);
afterAll(() => (typeof tinyFileSystem === 'string' ? undefined : tinyFileSystem.remove()));

onTinyFileSystem('read-model database on SQLite, on a disk that fills up', () => {
  it('fails a batch as disk_full naming the file, and takes it once space is freed', async () => {
    const disk = tinyFileSystem as TinyFileSystem;
    const file = join(disk.dir, 'portfolio.sqlite');
    const database = await openReadModelDatabase({ kind: 'sqlite', file });
    try {
      disk.fill();
      const refused = await database.writeAtomically(ballast(database)).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StoreUnavailableError);
      expect(refused).toMatchObject({ fault: 'disk_full', where: `the SQLite database ${file}` });
      disk.free();
      await expect(database.writeAtomically(ballast(database))).resolves.toBe(true);
    } finally {
      disk.free();
      await database.close();
    }
  });
});

describe('read-model database on a PostgreSQL server turning read-only', () => {
  let role: ReadOnlyRole;
  let scratch: ScratchSchema;
  let database: ReadModelDatabase;
  beforeAll(async () => {
    role = await createReadOnlyRole();
    scratch = scratchPostgresSchema('rm_readonly');
    database = await openReadModelDatabase({
      kind: 'postgres',
      databaseUrl: role.connectionString,
      schema: scratch.schema,
    });
  });
  afterAll(async () => {
    await database.close();
    await scratch.drop();
    await role.drop();
  });

  it('fails a batch as read_only naming the server without credentials', async () => {
    await role.setReadOnly(true);
    const write = () =>
      database
        .writeAtomically({ statements: [sql`CREATE TABLE IF NOT EXISTS ballast (b int)`.compile(database.db)] })
        .catch((error: unknown) => error);
    // Pooled connections ended under the database answer `unreachable` first.
    let refused = await write();
    for (let i = 0; i < 50 && (refused as StoreUnavailableError).fault === 'unreachable'; i++) refused = await write();
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(refused).toMatchObject({ fault: 'read_only', where: role.server });
    expect((refused as Error).message).not.toContain(role.password);
  }, 30_000);
});
