import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreOpenError, StoreUnavailableError } from '../errors';
import { collect, newEvent } from '../testing/event-store-contract';
import { scratchSqliteFile, type ScratchFile } from '../testing/scratch-database';
import { makeReadOnly, mountTinyFileSystem, type TinyFileSystem } from '../testing/storage-faults';
import { SqliteEventStore } from './sqlite-event-store';

const defined = (code: string) => [newEvent('MissionDefined', { missionCode: code })];

const tinyFileSystem = mountTinyFileSystem(4);
// Skipped only where a tmpfs cannot be mounted (that needs root; CI runs as root, so there these tests run), and said
// on the console then, so that a green run never hides it.
const onTinyFileSystem = typeof tinyFileSystem === 'string' ? describe.skip : describe;
if (typeof tinyFileSystem === 'string') {
  console.warn(`SQLite disk-full tests skipped: ${tinyFileSystem}`);
}
afterAll(() => (typeof tinyFileSystem === 'string' ? undefined : tinyFileSystem.remove()));

onTinyFileSystem('SQLite event store on a disk that fills up', () => {
  const disk = tinyFileSystem as TinyFileSystem;
  const file = join(disk.dir, 'portfolio.sqlite');
  let store: SqliteEventStore;
  beforeAll(() => {
    store = new SqliteEventStore({ file });
  });
  afterAll(async () => {
    disk.free();
    await store.close();
  });

  it('refuses appends as disk_full naming the file, writes none of them, and takes them again once space is freed', async () => {
    await store.append('mission-IDNUM', defined('IDNUM'), 'no_stream');
    disk.fill();
    const refused = await store.append('mission-DATA', defined('DATA'), 'no_stream').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(refused).toMatchObject({ fault: 'disk_full', where: `the SQLite database ${file}` });
    expect((refused as Error).message).toContain(`the disk holding the SQLite database ${file} is full`);
    await expect(store.probeWrite()).rejects.toMatchObject({ fault: 'disk_full' });

    disk.free();
    await store.probeWrite();
    await store.append('mission-DATA', defined('DATA'), 'no_stream');
    expect((await collect(store.readAll())).map((event) => event.streamId)).toEqual(['mission-IDNUM', 'mission-DATA']);
  });
});

onTinyFileSystem('opening a SQLite event store on a full disk', () => {
  const disk = tinyFileSystem as TinyFileSystem;
  afterAll(() => disk.free());

  it('fails naming the file and the full disk', () => {
    disk.fill();
    const file = join(disk.dir, 'full', 'portfolio.sqlite');
    expect(() => new SqliteEventStore({ file })).toThrow(StoreOpenError);
    expect(() => new SqliteEventStore({ file })).toThrow(`cannot open the SQLite database ${file}: the disk is full`);
  });
});

describe('opening a SQLite event store where it cannot be written or read', () => {
  let scratch: ScratchFile;
  let restore: (() => void) | undefined;
  beforeEach(() => {
    scratch = scratchSqliteFile('open-faults');
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    scratch.remove();
  });

  it('fails naming the file and its read-only directory, when the database is to be created', () => {
    restore = makeReadOnly(scratch.dir);
    const open = () => new SqliteEventStore({ file: scratch.file });
    expect(open).toThrow(StoreOpenError);
    expect(open).toThrow(
      `cannot open the SQLite database ${scratch.file}: the file or its directory is read-only, or not writable by the service's user`,
    );
  });

  it('fails naming the file when an existing database sits in a read-only directory', async () => {
    const existing = new SqliteEventStore({ file: scratch.file });
    await existing.append('mission-IDNUM', defined('IDNUM'), 'no_stream');
    await existing.close();
    restore = makeReadOnly(scratch.dir);
    expect(() => new SqliteEventStore({ file: scratch.file })).toThrow(
      new RegExp(
        `^cannot open the SQLite database ${scratch.file}: the file or its directory is read-only|cannot be opened or created`,
      ),
    );
  });

  it('fails naming the file when it is not a SQLite database', () => {
    mkdirSync(scratch.dir, { recursive: true });
    writeFileSync(scratch.file, 'these are not the pages of a SQLite database\n'.repeat(100));
    expect(() => new SqliteEventStore({ file: scratch.file })).toThrow(
      `cannot open the SQLite database ${scratch.file}: the file is not a SQLite database (SQLITE_NOTADB: file is not a database)`,
    );
  });
});
