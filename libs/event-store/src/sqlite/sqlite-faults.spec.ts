import { StoreUnavailableError } from '../errors';
import { sqliteFault, sqliteOpenError, translateSqliteFault } from './sqlite-faults';

const failure = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('SQLite storage faults', () => {
  it.each([
    ['SQLITE_FULL', 'disk_full'],
    ['ENOSPC', 'disk_full'],
    ['SQLITE_READONLY', 'read_only'],
    ['SQLITE_READONLY_DBMOVED', 'read_only'],
    ['EROFS', 'read_only'],
    ['EACCES', 'read_only'],
    ['SQLITE_CANTOPEN', 'unreachable'],
    ['SQLITE_IOERR_WRITE', 'io_error'],
    ['SQLITE_IOERR_FSYNC', 'io_error'],
    ['SQLITE_CONSTRAINT_UNIQUE', undefined],
    ['SQLITE_BUSY', undefined],
  ])('classifies %s as %s', (code, fault) => {
    expect(sqliteFault(failure(code))).toBe(fault);
  });

  it('leaves an error without a storage fault as it is', () => {
    const error = failure('SQLITE_CONSTRAINT_CHECK');
    expect(translateSqliteFault(error, '/data/portfolio.sqlite')).toBe(error);
    expect(translateSqliteFault(new TypeError('not a fault'), '/data/portfolio.sqlite')).toBeInstanceOf(TypeError);
  });

  it('names the file and the fault, keeping the driver error as the cause', () => {
    const error = failure('SQLITE_FULL', 'database or disk is full');
    const translated = translateSqliteFault(error, '/data/portfolio.sqlite') as StoreUnavailableError;
    expect(translated).toMatchObject({
      fault: 'disk_full',
      where: 'the SQLite database /data/portfolio.sqlite',
      description: 'the disk holding the SQLite database /data/portfolio.sqlite is full',
      message: 'the disk holding the SQLite database /data/portfolio.sqlite is full: database or disk is full',
      retryAfterSeconds: 30,
      cause: error,
    });
  });

  it('says why a file cannot be opened in one line, with the code once', () => {
    expect(sqliteOpenError(failure('SQLITE_CORRUPT', 'database disk image is malformed'), '/d/p.sqlite').message).toBe(
      'cannot open the SQLite database /d/p.sqlite: the database file is corrupted (SQLITE_CORRUPT: database disk image is malformed)',
    );
    expect(
      sqliteOpenError(failure('ENOSPC', "ENOSPC: no space left on device, open '/d/p.sqlite'"), '/d/p.sqlite').message,
    ).toBe(
      "cannot open the SQLite database /d/p.sqlite: the disk is full (ENOSPC: no space left on device, open '/d/p.sqlite')",
    );
    expect(sqliteOpenError(new Error('something else'), '/d/p.sqlite').message).toBe(
      'cannot open the SQLite database /d/p.sqlite: something else',
    );
  });
});
