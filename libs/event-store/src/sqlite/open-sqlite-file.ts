import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from './private-database-file';
import { sqliteOpenError } from './sqlite-faults';

/**
 * Opens `file` in WAL mode, created private (see preparePrivateDatabaseFile), then runs `setUp` on it (pragmas,
 * migrations). Any failure closes it and is a StoreOpenError naming the file and the cause: a read-only or
 * unwritable directory, a full disk, a file that is not a database.
 */
export function openSqliteFile(file: string, setUp: (db: Database.Database) => void): Database.Database {
  let db: Database.Database | undefined;
  try {
    preparePrivateDatabaseFile(file);
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    setUp(db);
    return db;
  } catch (error) {
    db?.close();
    throw sqliteOpenError(error, file);
  }
}
