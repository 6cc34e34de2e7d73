import type { Pool, PoolConfig, QueryResult, QueryResultRow } from 'pg';
import { commandKey, type IssuedCommand } from '../command-key';
import { DuplicateEventIdError, StreamNotFoundError } from '../errors';
import type {
  EventHash,
  EventStore,
  PositionRange,
  ReadAllOptions,
  ReadStreamOptions,
  WaitOptions,
} from '../event-store.port';
import { timeToYieldAt, yieldToEventLoop } from '../event-loop-slice';
import { HeadSignal } from '../head-signal';
import { prepareAppend, type StreamTip } from '../prepare-append';
import type { AppendResult, CanonicalStoredEvent, ExpectedRevision, NewEvent, StoredEvent } from '../stored-event';
import {
  likePrefix,
  rowToCanonicalEvent,
  rowToStoredEvent,
  STORED_COLUMNS,
  toRecordedAtForm,
  type StoredRow,
} from '../stored-row';
import {
  boundedConnectionConfig,
  boundedPool,
  DEFAULT_POSTGRES_TIMEOUTS,
  endWithin,
  PostgresUnreachableError,
  type PostgresTimeouts,
} from './postgres-connection';
import { canonicalTextArray } from './canonical-text-array';
import { PageQueries } from './page-queries';
import { AppendGroups, type ChainedAppend, type GroupOutcome } from './postgres-append-groups';
import { postgresFault, translatePostgresFault } from './postgres-faults';
import { PostgresListener } from './postgres-listener';
import { migratePostgresEventStore, quoteIdentifier } from './postgres-schema';
import { StreamTips } from './stream-tips';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** The schema holding the tables (default `public`); created if missing. */
  readonly schema?: string;
  readonly poolSize?: number;
  /** Bounds of every connection and query (default DEFAULT_POSTGRES_TIMEOUTS). */
  readonly timeouts?: PostgresTimeouts;
  /** Where the LISTEN connection's outages are reported (default: nowhere). */
  readonly log?: (message: string) => void;
}

const DEFAULT_BATCH = 1000;

/** A row of `SELECT position, hash` (pg returns a bigint as its decimal text). */
interface EventHashRow {
  readonly position: string;
  readonly hash: string;
}

/**
 * PostgreSQL store. Each append call locks the single head row before reading the streams' tips and takes its
 * positions from it: commits are serialised, so positions follow commit order and `readAll({ after })` never skips an
 * event that commits late with a lower position (the sequence-gap bug). The lock lasts one round trip: each batch is
 * chained and hashed beforehand over the tip this store last saw, and the server function inserts it only if that tip
 * (and the log's last recordedAt) still hold; otherwise it answers with the actual ones and the batch is chained again.
 *
 * Group commit (AppendGroups): the appends that arrive while a call is in flight go together in the next one, which
 * shares the lock, the commit and its WAL flush among them; each is checked and refused on its own. Two calls may be
 * in flight, so that Node chains and encodes one group while the server writes the other.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly pages: PageQueries;
  private readonly channel: string;
  private readonly signal = new HeadSignal();
  private readonly listener: PostgresListener;
  private readonly closeWithinMs: number;
  private readonly connectionString: string;
  private readonly groups: AppendGroups;

  private constructor(
    config: PoolConfig & { connectionString: string },
    schema: string,
    { timeouts, log }: Required<Pick<PostgresEventStoreOptions, 'timeouts' | 'log'>>,
  ) {
    this.pool = boundedPool(config);
    this.pages = new PageQueries(config);
    const channel = `portfolio_events_${schema}`.slice(0, 63);
    this.listener = new PostgresListener({
      config,
      channel,
      heartbeatMs: timeouts.keepAliveDelayMs,
      pingTimeoutMs: timeouts.connectMs,
      onNotification: (payload) => this.signal.advance(BigInt(payload)),
      // Appends notified while the connection was down were missed: the head says how far the log went meanwhile.
      onReconnected: () =>
        void this.head().then(
          (head) => this.signal.advance(head),
          () => undefined,
        ),
      log,
    });
    this.channel = channel;
    this.closeWithinMs = timeouts.connectMs;
    this.connectionString = config.connectionString;
    this.groups = new AppendGroups({
      tips: new StreamTips(),
      readTip: (streamId) => this.readTip(streamId),
      sendGroup: (recordedAt, appends) => this.sendGroup(recordedAt, appends),
      mayHaveCommitted: (error) => postgresFault(error) === 'unreachable',
      translate: (error) => this.translate(error),
      committed: (position) => this.signal.advance(position),
    });
  }

  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    const timeouts = options.timeouts ?? DEFAULT_POSTGRES_TIMEOUTS;
    const store = new PostgresEventStore(
      {
        ...boundedConnectionConfig(options.connectionString, timeouts),
        connectionString: options.connectionString,
        max: options.poolSize ?? 10,
        options: `-c search_path=${quoteIdentifier(schema)}`,
        // Named with the schema, so that an operator (or a test) finds this ledger's sessions in pg_stat_activity.
        application_name: `portfolio-ledger ${schema}`.slice(0, 63),
      },
      schema,
      { timeouts, log: options.log ?? (() => undefined) },
    );
    try {
      await migratePostgresEventStore(store.pool, schema);
    } catch (error) {
      await endWithin(store.pool, timeouts.connectMs);
      throw new PostgresUnreachableError(options.connectionString, timeouts, error);
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // Validation and canonical JSON, the costly part, before the append joins a group.
    return this.groups.append(streamId, prepareAppend(streamId, events), expected);
  }

  private async sendGroup(recordedAt: string, appends: readonly ChainedAppend[]): Promise<GroupOutcome[]> {
    const events = appends.flatMap((a) => a.events);
    const { rows } = await this.pool.query<GroupOutcome>(
      'SELECT * FROM append_event_group($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
      [
        recordedAt,
        this.channel,
        appends.map((a) => a.streamId),
        appends.map((a) => a.tip?.revision.toString() ?? null),
        appends.map((a) => a.tip?.hash ?? null),
        appends.map((a) => a.events.length),
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        canonicalTextArray(events.map((e) => e.canonicalData)),
        canonicalTextArray(events.map((e) => e.canonicalMetadata)),
        events.map((e) => e.hash),
        events.map((e) => e.commandKey),
      ],
    );
    return rows;
  }

  private async readTip(streamId: string): Promise<StreamTip | undefined> {
    const { rows } = await this.query<{ revision: string; hash: string }>(
      'SELECT revision, hash FROM events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1',
      [streamId],
    );
    return rows.length === 0 ? undefined : { revision: BigInt(rows[0].revision), hash: rows[0].hash };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const exists = await this.query('SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1', [streamId]);
    if (exists.rows.length === 0) throw new StreamNotFoundError(streamId);
    const to = options.toPosition;
    const sql = `SELECT ${STORED_COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2
                 ${to === undefined ? '' : 'AND position <= $4'} ORDER BY revision LIMIT $3`;
    let from = options.fromRevision ?? 0n;
    for (;;) {
      const params = [streamId, from.toString(), DEFAULT_BATCH, ...(to === undefined ? [] : [to.toString()])];
      const { rows } = await this.query<StoredRow>(sql, params);
      for (let i = 0; i < rows.length; i += 1) {
        if (timeToYieldAt(i)) await yieldToEventLoop();
        yield rowToStoredEvent(rows[i]);
      }
      if (rows.length < DEFAULT_BATCH) return;
      from = BigInt(rows[rows.length - 1].revision) + 1n;
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    return this.readAllAs(options, rowToStoredEvent);
  }

  readAllCanonical(options: ReadAllOptions = {}): AsyncIterable<CanonicalStoredEvent> {
    return this.readAllAs(options, rowToCanonicalEvent);
  }

  private readAllAs<Decoded>(options: ReadAllOptions, decode: (row: StoredRow) => Decoded): AsyncIterable<Decoded> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const conditions = ['position > $1'];
    const fixed: unknown[] = [];
    const param = (value: unknown): string => {
      fixed.push(value);
      return `$${fixed.length + 2}`;
    };
    if (options.to !== undefined) conditions.push(`position <= ${param(options.to.toString())}`);
    if (options.types !== undefined) conditions.push(`type = ANY(${param(options.types)}::text[])`);
    if (options.streamPrefix !== undefined)
      conditions.push(`stream_id LIKE ${param(likePrefix(options.streamPrefix))}`);
    const sql = `SELECT ${STORED_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT $2`;
    return this.readPages(sql, { after: options.after ?? 0n, filters: fixed, batchSize }, decode);
  }

  readHashes(range: PositionRange = {}): AsyncIterable<EventHash> {
    const upTo = range.to === undefined ? [] : [range.to.toString()];
    const sql = `SELECT position, hash FROM events WHERE position > $1 ${upTo.length > 0 ? 'AND position <= $3' : ''}
                 ORDER BY position LIMIT $2`;
    const bounds = { after: range.after ?? 0n, filters: upTo, batchSize: DEFAULT_BATCH };
    return this.readPages(sql, bounds, (row: EventHashRow) => ({ position: BigInt(row.position), hash: row.hash }));
  }

  /**
   * The rows of `sql` ($1 the position after which a page starts, $2 the page size, then the filters) page by page
   * in position order, each decoded as it is handed out.
   */
  private async *readPages<Row extends { readonly position: bigint | string }, Decoded>(
    sql: string,
    bounds: { readonly after: bigint; readonly filters: readonly unknown[]; readonly batchSize: number },
    decode: (row: Row) => Decoded,
  ): AsyncIterable<Decoded> {
    const { filters, batchSize } = bounds;
    for (let after = bounds.after; ;) {
      const rows = await this.pageRows<Row>(sql, [after.toString(), batchSize, ...filters]);
      for (let i = 0; i < rows.length; i += 1) {
        if (timeToYieldAt(i)) await yieldToEventLoop();
        yield decode(rows[i]);
      }
      if (rows.length < batchSize) return;
      after = BigInt(rows[rows.length - 1].position);
    }
  }

  async readByCommand(command: IssuedCommand): Promise<StoredEvent[]> {
    const { rows } = await this.query<StoredRow>(
      `SELECT ${STORED_COLUMNS} FROM events WHERE command_key = $1 ORDER BY position`,
      [commandKey(command)],
    );
    return rows.map(rowToStoredEvent);
  }

  async readPositions(positions: readonly bigint[]): Promise<StoredEvent[]> {
    if (positions.length === 0) return [];
    const { rows } = await this.query<StoredRow>(
      `SELECT ${STORED_COLUMNS} FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`,
      [positions.map(String)],
    );
    return rows.map(rowToStoredEvent);
  }

  async head(): Promise<bigint> {
    const { rows } = await this.query<{ position: string }>('SELECT position FROM event_log_head');
    return BigInt(rows[0].position);
  }

  async positionAt(instant: string): Promise<bigint> {
    const { rows } = await this.query<{ position: string | null }>(
      'SELECT max(position) AS position FROM events WHERE recorded_at <= $1',
      [toRecordedAtForm(instant)],
    );
    return BigInt(rows[0].position ?? 0);
  }

  async waitForEvents(after: bigint, options: WaitOptions): Promise<bigint> {
    await this.listener.start();
    return this.signal.wait(after, await this.head(), options);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await Promise.all([endWithin(this.pool, this.closeWithinMs), this.pages.close(this.closeWithinMs)]);
  }

  async probeWrite(): Promise<void> {
    await this.query(
      'INSERT INTO write_probe (id, probed_at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at',
    );
  }

  private async pageRows<Row extends QueryResultRow>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    try {
      return await this.pages.rows<Row>(sql, params);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** A query on the pool, with a storage fault reported as StoreUnavailableError (the caller may retry). */
  private async query<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    const { code, constraint, detail } = error as { code?: string; constraint?: string; detail?: string };
    if (code === '23505' && constraint === 'events_event_id_key') {
      return new DuplicateEventIdError(/\(event_id\)=\(([^)]*)\)/.exec(detail ?? '')?.[1] ?? 'unknown');
    }
    return translatePostgresFault(error, this.connectionString);
  }
}
