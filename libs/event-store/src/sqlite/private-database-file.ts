import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// The SQLite database holds every event and read model: its directory and files are its owner's alone, from creation.

const OWNER_ONLY_DIRECTORY = 0o700;
const OWNER_ONLY_FILE = 0o600;
const GROUP_OR_OTHERS = 0o077;

/**
 * Prepares `file` for SQLite to open: its directory created 0700, the file created empty and 0600 (SQLite would
 * create it 0644; an empty file is an empty database). SQLite gives the -wal and -shm files it creates the mode of
 * the database file. Files left looser by an earlier version (the database, its WAL and shared memory) are made 0600.
 */
export function preparePrivateDatabaseFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: OWNER_ONLY_DIRECTORY });
  closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  if (process.platform === 'win32') return; // no POSIX modes
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    const mode = statSync(path, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined && (mode & GROUP_OR_OTHERS) !== 0) chmodSync(path, OWNER_ONLY_FILE);
  }
}
