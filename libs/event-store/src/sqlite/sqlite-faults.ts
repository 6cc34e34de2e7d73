import { StoreOpenError, StoreUnavailableError, type StorageFault } from '../errors';

// SQLite's extended codes carry their primary code as a prefix (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE ...);
// the file-system errors are those Node reports while the file is prepared.
const FAULTS: readonly (readonly [RegExp, StorageFault])[] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)$/, 'disk_full'],
  [/^(SQLITE_READONLY|SQLITE_PERM|EROFS|EACCES|EPERM)/, 'read_only'],
  [/^(SQLITE_CANTOPEN|ENOENT|ENOTDIR)/, 'unreachable'],
  [/^(SQLITE_IOERR|EIO)/, 'io_error'],
];

/** The storage fault behind a SQLite (or file-system) error, undefined for any other error. */
export function sqliteFault(error: unknown): StorageFault | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  return FAULTS.find(([pattern]) => pattern.test(code))?.[1];
}

/** `error` as StoreUnavailableError when a storage fault caused it, else as it is. */
export function translateSqliteFault(error: unknown, file: string): unknown {
  const fault = sqliteFault(error);
  return fault === undefined ? error : new StoreUnavailableError(fault, `the SQLite database ${file}`, error);
}

const OPEN_REASONS: Readonly<Record<StorageFault, string>> = {
  disk_full: 'the disk is full',
  read_only: "the file or its directory is read-only, or not writable by the service's user",
  unreachable:
    'the file, or its -wal and -shm files beside it, cannot be opened or created: ' +
    "check that the directory exists and that the service's user can write to it",
  io_error: 'the disk fails with an I/O error',
};

const DAMAGED: readonly (readonly [RegExp, string])[] = [
  [/^SQLITE_NOTADB/, 'the file is not a SQLite database'],
  [/^SQLITE_CORRUPT/, 'the database file is corrupted'],
];

/** Why `file` could not be opened at start, in one line naming the file and the cause. */
export function sqliteOpenError(error: unknown, file: string): StoreOpenError {
  const fault = sqliteFault(error);
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  const reason = fault === undefined ? DAMAGED.find(([pattern]) => pattern.test(code))?.[1] : OPEN_REASONS[fault];
  const message = (error as Error | undefined)?.message ?? String(error);
  // Node's own messages begin with their code (EROFS: ...), SQLite's do not.
  const detail = code === '' || message.startsWith(code) ? message : `${code}: ${message}`;
  return new StoreOpenError(
    `the SQLite database ${file}`,
    reason === undefined ? detail : `${reason} (${detail})`,
    error,
  );
}
