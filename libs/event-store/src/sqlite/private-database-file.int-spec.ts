import Database from 'better-sqlite3';
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store-contract';
import { scratchSqliteFile, type ScratchFile } from '../testing/scratch-database';
import { SqliteEventStore } from './sqlite-event-store';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('the SQLite files are their owner’s alone', () => {
  let scratch: ScratchFile;
  let umask: number;
  beforeEach(() => {
    scratch = scratchSqliteFile('private');
    umask = process.umask(0o022); // the usual umask, which leaves files readable by everyone
  });
  afterEach(() => {
    process.umask(umask);
    scratch.remove();
  });

  it('creates the data directory 0700 and the database, its WAL and shared memory 0600, before any write', async () => {
    const dataDir = join(scratch.dir, 'data', 'nested');
    const file = join(dataDir, 'portfolio.sqlite');
    const store = new SqliteEventStore({ file });
    try {
      await store.append('mission-IDNUM', [newEvent('MissionDefined', { missionCode: 'IDNUM' })], 'no_stream');
      expect(modeOf(join(scratch.dir, 'data'))).toBe(0o700);
      expect(modeOf(dataDir)).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect([path, modeOf(path)]).toEqual([path, 0o600]);
    } finally {
      await store.close();
    }
  });

  it('makes the files an earlier version left readable by everyone 0600', async () => {
    const earlier = new Database(scratch.file);
    earlier.pragma('journal_mode = WAL');
    earlier.exec('CREATE TABLE kept (x)');
    const { file } = scratch;
    // A second connection keeps the WAL and shared memory files in place while the first one closes.
    const reader = new Database(file);
    reader.prepare('SELECT count(*) FROM kept').get();
    earlier.close();
    for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
    const store = new SqliteEventStore({ file });
    try {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect([path, modeOf(path)]).toEqual([path, 0o600]);
    } finally {
      await store.close();
      reader.close();
    }
  });
});
