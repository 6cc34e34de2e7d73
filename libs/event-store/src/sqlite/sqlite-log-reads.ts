// The SQLite store's reads of the log in pages (a stream, the whole log, its hashes), each yielding as it goes.
import type Database from 'better-sqlite3';
import { StreamNotFoundError } from '../errors';
import type { EventHash, PositionRange, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { timeToYieldAt, yieldToEventLoop } from '../event-loop-slice';
import type { CanonicalStoredEvent, StoredEvent } from '../stored-event';
import {
  likePrefix,
  rowValuesToCanonicalEvent,
  rowValuesToStoredEvent,
  STORED_COLUMNS,
  type StoredRowValues,
} from '../stored-row';

const DEFAULT_BATCH = 1000;
// Indexes of STORED_COLUMNS in a raw row.
const POSITION = 0;
const REVISION = 2;

/** A raw row of `SELECT position, hash`. */
type EventHashRow = readonly [position: bigint, hash: string];

function eventHashOfRow(row: EventHashRow): EventHash {
  return { position: row[0], hash: row[1] };
}

/** Rows as arrays: building an object keyed by column name was a third of a read's cost. */
export function rawRows<Params extends unknown[], Row = StoredRowValues>(
  db: Database.Database,
  sql: string,
): Database.Statement<Params, Row> {
  return db.prepare<Params, Row>(sql).raw(true);
}

/** Where the pages of a read of the log start, what else they are bound by, and how many rows each holds. */
interface PageBounds {
  readonly after: bigint;
  readonly filters: readonly unknown[];
  readonly batchSize: number;
}

export class SqliteLogReads {
  // Reads whose SQL depends on their options, each prepared once.
  private readonly prepared = new Map<string, Database.Statement<unknown[], unknown>>();
  private readonly selectStreamExists: Database.Statement<[string], bigint>;

  constructor(private readonly db: Database.Database) {
    this.selectStreamExists = db
      .prepare('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1')
      .pluck() as Database.Statement<[string], bigint>;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const to = options.toPosition;
    const statement = this.preparedRead(
      `SELECT ${STORED_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ?
       ${to === undefined ? '' : 'AND position <= ?'} ORDER BY revision LIMIT ?`,
    );
    let from = options.fromRevision ?? 0n;
    for (let firstPage = true; ; firstPage = false) {
      const params = to === undefined ? [streamId, from, DEFAULT_BATCH] : [streamId, from, to, DEFAULT_BATCH];
      const rows = statement.all(...params);
      // Only an empty first page asks whether the stream exists: a stream read finds it in its first row.
      if (firstPage && rows.length === 0 && this.selectStreamExists.get(streamId) === undefined) {
        throw new StreamNotFoundError(streamId);
      }
      for (let i = 0; i < rows.length; i += 1) {
        if (timeToYieldAt(i)) await yieldToEventLoop();
        yield rowValuesToStoredEvent(rows[i]);
      }
      if (rows.length < DEFAULT_BATCH) return;
      from = BigInt(rows[rows.length - 1][REVISION]) + 1n;
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    return this.readAllAs(options, rowValuesToStoredEvent);
  }

  readAllCanonical(options: ReadAllOptions = {}): AsyncIterable<CanonicalStoredEvent> {
    return this.readAllAs(options, rowValuesToCanonicalEvent);
  }

  private readAllAs<Decoded>(
    options: ReadAllOptions,
    decode: (row: StoredRowValues) => Decoded,
  ): AsyncIterable<Decoded> {
    const conditions = ['position > ?'];
    const filters: unknown[] = [];
    if (options.to !== undefined) {
      conditions.push('position <= ?');
      filters.push(options.to);
    }
    if (options.types !== undefined) {
      conditions.push('type IN (SELECT value FROM json_each(?))');
      filters.push(JSON.stringify(options.types));
    }
    if (options.streamPrefix !== undefined) {
      conditions.push("stream_id LIKE ? ESCAPE '\\'");
      filters.push(likePrefix(options.streamPrefix));
    }
    const statement = this.preparedRead(
      `SELECT ${STORED_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT ?`,
    );
    const bounds = { after: options.after ?? 0n, filters, batchSize: options.batchSize ?? DEFAULT_BATCH };
    return this.readPages(statement, bounds, decode);
  }

  readHashes(range: PositionRange = {}): AsyncIterable<EventHash> {
    const upTo = range.to === undefined ? [] : [range.to];
    const statement = this.preparedRead<EventHashRow>(
      `SELECT position, hash FROM events WHERE position > ? ${upTo.length > 0 ? 'AND position <= ?' : ''}
        ORDER BY position LIMIT ?`,
    );
    return this.readPages(
      statement,
      { after: range.after ?? 0n, filters: upTo, batchSize: DEFAULT_BATCH },
      eventHashOfRow,
    );
  }

  /**
   * The rows of `statement` (parameters: the position after which a page starts, the filters, the page size) page
   * by page in position order, each decoded as it is handed out.
   */
  private async *readPages<Row extends readonly [bigint | string, ...unknown[]], Decoded>(
    statement: Database.Statement<unknown[], Row>,
    bounds: PageBounds,
    decode: (row: Row) => Decoded,
  ): AsyncIterable<Decoded> {
    const { filters, batchSize } = bounds;
    for (let after = bounds.after; ;) {
      const rows = statement.all(after, ...filters, batchSize);
      for (let i = 0; i < rows.length; i += 1) {
        if (timeToYieldAt(i)) await yieldToEventLoop();
        yield decode(rows[i]);
      }
      if (rows.length < batchSize) return;
      after = BigInt(rows[rows.length - 1][POSITION]);
    }
  }

  private preparedRead<Row = StoredRowValues>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.prepared.get(sql);
    if (statement === undefined) {
      statement = rawRows(this.db, sql);
      this.prepared.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }
}
