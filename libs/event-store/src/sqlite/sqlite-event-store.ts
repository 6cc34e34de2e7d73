import Database from 'better-sqlite3';
import { commandKey, type IssuedCommand } from '../command-key';
import { DuplicateEventIdError } from '../errors';
import type {
  EventHash,
  EventStore,
  PositionRange,
  ReadAllOptions,
  ReadStreamOptions,
  WaitOptions,
} from '../event-store.port';
import { HeadSignal } from '../head-signal';
import { commandRuns } from './command-runs';
import { openSqliteFile } from './open-sqlite-file';
import { rawRows, SqliteLogReads } from './sqlite-log-reads';
import {
  chainEvents,
  checkExpectedRevision,
  nextRecordedAt,
  prepareAppend,
  type PreparedEvent,
  type StreamTip,
} from '../prepare-append';
import type { AppendResult, CanonicalStoredEvent, ExpectedRevision, NewEvent, StoredEvent } from '../stored-event';
import { rowValuesToStoredEvent, STORED_COLUMNS, toRecordedAtForm, type StoredRowValues } from '../stored-row';
import { translateSqliteFault } from './sqlite-faults';
import { migrateSqliteEventStore } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** The database file; created with its directory if missing. */
  readonly file: string;
  /** How often a waiting reader checks for commits made by other processes (ms). */
  readonly externalPollMs?: number;
}

/** An append waiting for the next group commit. */
interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly prepared: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type AppendOutcome = { readonly result: AppendResult } | { readonly error: unknown };

/**
 * The embedded default store: one SQLite file in WAL mode. SQLite admits one writer at a time and
 * `BEGIN IMMEDIATE` takes the write lock before the tip is read, so positions follow commit order.
 *
 * Group commit: the appends that arrive while the event loop is busy are written in one transaction, each in a
 * savepoint of its own (a refused one rolls back alone), so that they share one fsync. With synchronous=FULL the
 * fsync is most of an append's cost, and better-sqlite3 waits for it on the event loop.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly signal = new HeadSignal();
  private readonly externalPollMs: number;
  private pollTimer: NodeJS.Timeout | undefined;
  private lastDataVersion = 0;

  private readonly selectTip: Database.Statement<[string], { revision: bigint; hash: string }>;
  private readonly selectLastRecordedAt: Database.Statement<[], string>;
  private readonly insertEvent: Database.Statement;
  private readonly insertCommandRun: Database.Statement<[string, bigint, bigint]>;
  private readonly selectHead: Database.Statement<[], bigint | null>;
  private readonly selectFirstFrom: Database.Statement<[bigint, bigint], { position: bigint; recorded_at: string }>;
  private readonly upsertWriteProbe: Database.Statement<[string]>;
  private readonly selectByCommandKey: Database.Statement<[string], StoredRowValues>;
  private readonly appendGroup: (group: readonly PendingAppend[]) => AppendOutcome[];
  private readonly pending: PendingAppend[] = [];
  private readonly reads: SqliteLogReads;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.db = openSqliteFile(options.file, (db) => {
      // FULL: a committed event survives a power cut, not only a killed process.
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 10000');
      db.defaultSafeIntegers(true);
      migrateSqliteEventStore(db);
    });
    this.externalPollMs = options.externalPollMs ?? 250;
    this.reads = new SqliteLogReads(this.db);

    this.selectTip = this.db.prepare(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    this.selectLastRecordedAt = this.db
      .prepare<[], string>('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1')
      .pluck() as Database.Statement<[], string>;
    this.insertEvent = this.db.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertCommandRun = this.db.prepare(
      'INSERT INTO command_runs (command_key, first_position, last_position) VALUES (?, ?, ?)',
    );
    this.selectHead = this.db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck();
    this.selectFirstFrom = this.db.prepare(
      'SELECT position, recorded_at FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT 1',
    );
    this.selectByCommandKey = rawRows(
      this.db,
      `SELECT ${STORED_COLUMNS} FROM command_runs
         JOIN events ON position BETWEEN first_position AND last_position
        WHERE command_key = ? ORDER BY position`,
    );
    this.upsertWriteProbe = this.db.prepare(
      'INSERT INTO write_probe (id, probed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at',
    );

    const appendOne = this.db.transaction(({ streamId, prepared, expected }: PendingAppend): AppendResult => {
      const tip: StreamTip | undefined = this.selectTip.get(streamId);
      checkExpectedRevision(streamId, expected, tip);
      const recordedAt = nextRecordedAt(Date.now(), this.selectLastRecordedAt.get());
      const written: { commandKey: string | null; position: bigint }[] = [];
      let revision = 0n;
      for (const event of chainEvents(streamId, prepared, tip, recordedAt)) {
        const result = this.insertEvent.run(
          streamId,
          event.revision,
          event.eventId,
          event.type,
          event.schemaVersion,
          event.canonicalData,
          event.canonicalMetadata,
          event.recordedAt,
          event.prevHash,
          event.hash,
        );
        written.push({ commandKey: event.commandKey, position: BigInt(result.lastInsertRowid) });
        revision = event.revision;
      }
      for (const run of commandRuns(written)) this.insertCommandRun.run(run.key, run.first, run.last);
      return { revision, position: written[written.length - 1].position };
    });
    // Called inside the group's transaction, appendOne runs in a savepoint: a refused append rolls back alone.
    const group = this.db.transaction((appends: readonly PendingAppend[]) =>
      appends.map((pending): AppendOutcome => {
        try {
          return { result: appendOne(pending) };
        } catch (error) {
          return { error };
        }
      }),
    );
    this.appendGroup = (appends) => group.immediate(appends);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // Validation and canonical JSON, the costly part, before the append joins a group.
    const prepared = prepareAppend(streamId, events);
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.commitGroup());
      this.pending.push({ streamId, events, prepared, expected, resolve, reject });
    });
  }

  private commitGroup(): void {
    const group = this.pending.splice(0);
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.appendGroup(group);
    } catch (error) {
      // The commit itself failed (disk full, busy beyond the timeout): nothing of the group was written.
      for (const pending of group) pending.reject(this.translateError(error, pending.events));
      return;
    }
    let head = 0n;
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome) {
        if (outcome.result.position > head) head = outcome.result.position;
        group[i].resolve(outcome.result);
      } else {
        group[i].reject(this.translateError(outcome.error, group[i].events));
      }
    });
    this.signal.advance(head);
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return this.reads.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.reads.readAll(options);
  }

  readAllCanonical(options?: ReadAllOptions): AsyncIterable<CanonicalStoredEvent> {
    return this.reads.readAllCanonical(options);
  }

  readHashes(range?: PositionRange): AsyncIterable<EventHash> {
    return this.reads.readHashes(range);
  }

  async readByCommand(command: IssuedCommand): Promise<StoredEvent[]> {
    return this.selectByCommandKey.all(commandKey(command)).map(rowValuesToStoredEvent);
  }

  async readPositions(positions: readonly bigint[]): Promise<StoredEvent[]> {
    if (positions.length === 0) return [];
    const rows = rawRows<[string]>(
      this.db,
      `SELECT ${STORED_COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`,
    ).all(JSON.stringify(positions.map(String)));
    return rows.map(rowValuesToStoredEvent);
  }

  async probeWrite(): Promise<void> {
    try {
      this.upsertWriteProbe.run(new Date().toISOString());
    } catch (error) {
      throw translateSqliteFault(error, this.file);
    }
  }

  async head(): Promise<bigint> {
    return this.selectHead.get() ?? 0n;
  }

  /**
   * The last position recorded at or before `instant`: a binary search over the positions, which recordedAt never
   * decreases along (§4), rather than an index on the time that every append would have to grow.
   */
  async positionAt(instant: string): Promise<bigint> {
    const time = toRecordedAtForm(instant);
    // The answer stays within [found, upTo]; positions may have gaps, so each probe takes the first event from mid.
    let found = 0n;
    let upTo = await this.head();
    while (found < upTo) {
      const mid = (found + upTo + 1n) / 2n;
      const probe = this.selectFirstFrom.get(mid, upTo);
      if (probe !== undefined && probe.recorded_at <= time) found = probe.position;
      else upTo = mid - 1n;
    }
    return found;
  }

  async waitForEvents(after: bigint, options: WaitOptions): Promise<bigint> {
    this.startWatchingOtherProcesses();
    try {
      return await this.signal.wait(after, await this.head(), options);
    } finally {
      if (this.signal.waiting === 0) this.stopWatchingOtherProcesses();
    }
  }

  async close(): Promise<void> {
    this.stopWatchingOtherProcesses();
    this.db.close();
  }

  /** Commits by other processes (the CLI beside the API) raise no in-process signal: watch data_version meanwhile. */
  private startWatchingOtherProcesses(): void {
    if (this.pollTimer !== undefined) return;
    this.lastDataVersion = Number(this.db.pragma('data_version', { simple: true }));
    this.pollTimer = setInterval(() => {
      const version = Number(this.db.pragma('data_version', { simple: true }));
      if (version === this.lastDataVersion) return;
      this.lastDataVersion = version;
      this.signal.advance(this.selectHead.get() ?? 0n);
    }, this.externalPollMs);
    this.pollTimer.unref();
  }

  private stopWatchingOtherProcesses(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private translateError(error: unknown, events: readonly NewEvent[]): unknown {
    const { code, message } = error as { code?: string; message?: string };
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' || !message?.includes('events.event_id')) {
      return translateSqliteFault(error, this.file);
    }
    const ids = JSON.stringify(events.map((e) => e.eventId.toLowerCase()));
    const taken = this.db
      .prepare('SELECT event_id FROM events WHERE event_id IN (SELECT value FROM json_each(?)) LIMIT 1')
      .pluck()
      .get(ids) as string | undefined;
    return new DuplicateEventIdError(taken ?? 'unknown');
  }
}
