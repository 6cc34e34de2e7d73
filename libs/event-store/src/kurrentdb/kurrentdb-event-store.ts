import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  streamNameFilter,
  type Filter,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { setTimeout as wait } from 'node:timers/promises';
import { canonicalJson } from '../canonical-json';
import { commandKey, isRecordedBy, type IssuedCommand } from '../command-key';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type {
  EventHash,
  EventStore,
  PositionRange,
  ReadAllOptions,
  ReadStreamOptions,
  WaitOptions,
} from '../event-store.port';
import { HeadSignal } from '../head-signal';
import { chainEvents, checkExpectedRevision, nextRecordedAt, prepareAppend, type StreamTip } from '../prepare-append';
import type { AppendResult, CanonicalStoredEvent, ExpectedRevision, NewEvent, StoredEvent } from '../stored-event';
import { toRecordedAtForm } from '../stored-row';
import {
  describeKurrentDb,
  isStreamNotFound,
  isUnavailable,
  isWrongExpectedVersion,
  translate,
} from './kurrentdb-errors';
import { KurrentLiveHead } from './kurrentdb-live-head';
import { fromKurrentRecord, KurrentStreamNames, toKurrentEventData, type KurrentRecord } from './kurrentdb-record';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false`, or `kurrentdb+discover://node1:2113,node2:2113,node3:2113` for a cluster. */
  readonly connectionString: string;
  /** Prefix of every stream name, to keep several ledgers (or test runs) apart in one database (default none). */
  readonly namespace?: string;
  /** Pause before a dropped live subscription is opened again (default 1 s). */
  readonly resubscribeDelayMs?: number;
}

/** Attempts of one append through a leader change or a dropped connection (the append is idempotent, see below). */
const APPEND_ATTEMPTS = 4;
/** Attempts of an append with `any` that keeps finding the stream's tip moved by another writer. */
const TIP_RACE_ATTEMPTS = 20;

/**
 * KurrentDB (EventStoreDB) store. KurrentDB orders and positions the events itself: positions are the commit
 * positions of `$all` (not contiguous), a stream's revision is its event number, and the expected revision is the
 * server's stream state check. The hash chain is ours: each append reads the stream's tip and chains onto it, at
 * that exact revision, so two writers can never both chain onto one tip.
 *
 * Differences from the SQL stores, inherent to KurrentDB: recordedAt is stamped by each writer's clock (the
 * time-to-position mapping uses the server's created time instead); event ids are unique within a stream (an
 * append repeating one is idempotent), not across streams; a command finds its events through the server's
 * `$by_correlation_id` standard projection, which trails appends by moments.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly names: KurrentStreamNames;
  private readonly signal = new HeadSignal();
  private readonly liveHead: KurrentLiveHead;
  private lastRecordedAt: string | undefined;
  /** The server, for errors: never the credentials of the connection string. */
  private readonly server: string;

  private constructor(options: KurrentDbEventStoreOptions) {
    this.server = describeKurrentDb(options.connectionString);
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.names = new KurrentStreamNames(options.namespace ?? '');
    this.liveHead = new KurrentLiveHead(
      () => this.client.subscribeToAll({ fromPosition: END, filter: this.filter() }),
      () => this.head(),
      this.signal,
      options.resubscribeDelayMs ?? 1000,
    );
  }

  /** Connects and checks that the server answers, so that a wrong URL stops the start with a clear message. */
  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore(options);
    try {
      await store.head();
    } catch (error) {
      await store.client.dispose().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events);
    const name = this.names.toKurrent(streamId);
    for (let race = 1; ; race += 1) {
      const tip = await this.readTip(name);
      checkExpectedRevision(streamId, expected, tip);
      this.lastRecordedAt = nextRecordedAt(Date.now(), this.lastRecordedAt);
      const chained = chainEvents(streamId, prepared, tip, this.lastRecordedAt);
      try {
        const position = await this.appendChained(name, chained.map(toKurrentEventData), tip);
        this.signal.advance(position);
        return { revision: chained[chained.length - 1].revision, position };
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw translate(error, this.server);
        // The tip moved between our read and our write. With `any` or `exists` (a stream is never deleted, so it
        // still exists) the events chain onto the new tip; with an exact expectation the caller decides.
        if ((expected !== 'any' && expected !== 'exists') || race >= TIP_RACE_ATTEMPTS) {
          const actual = await this.readTip(name);
          throw new WrongExpectedRevisionError(streamId, expected, actual?.revision ?? 'no_stream');
        }
      }
    }
  }

  /**
   * Writes at exactly the tip's revision. Retried through a leader change: KurrentDB treats a repeated append of the
   * same event ids at the same expected revision as the same write, so a retry after a lost acknowledgement does not
   * write the events twice.
   */
  private async appendChained(
    name: string,
    events: ReturnType<typeof toKurrentEventData>[],
    tip: StreamTip | undefined,
  ): Promise<bigint> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await this.client.appendToStream(name, events, {
          streamState: tip === undefined ? NO_STREAM : tip.revision,
        });
        if (result.position !== undefined) return result.position.commit;
        const last = await this.readTip(name);
        if (last?.position === undefined) throw new Error(`appended to ${name} but cannot read the event back`);
        return last.position;
      } catch (error) {
        if (!isUnavailable(error) || attempt >= APPEND_ATTEMPTS) throw error;
        await wait(100 * 2 ** attempt);
      }
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const name = this.names.toKurrent(streamId);
    let found = false;
    try {
      const read = this.client.readStream(name, { fromRevision: options.fromRevision ?? START, direction: FORWARDS });
      for await (const resolved of read) {
        found = true;
        const event = this.toStoredEvent(resolved);
        if (event === undefined) continue;
        if (options.toPosition !== undefined && event.position > options.toPosition) return;
        yield event;
      }
    } catch (error) {
      if (isStreamNotFound(error)) throw new StreamNotFoundError(streamId);
      throw translate(error, this.server);
    }
    // Reading past the end of an existing stream is empty, not an error; reading a stream that never was is one.
    if (!found && (options.fromRevision ?? 0n) === 0n) throw new StreamNotFoundError(streamId);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const after = options.after ?? 0n;
    const types = options.types === undefined ? undefined : new Set(options.types);
    const prefix = options.streamPrefix ?? '';
    try {
      const read = this.client.readAll({
        fromPosition: this.positionAfter(after),
        direction: FORWARDS,
        filter: this.filter(options.streamPrefix),
      });
      for await (const resolved of read) {
        const event = this.toStoredEvent(resolved);
        // Reads from a position include the event at it: `after` is exclusive.
        if (event === undefined || event.position <= after) continue;
        if (options.to !== undefined && event.position > options.to) return;
        if (types !== undefined && !types.has(event.type)) continue;
        if (!event.streamId.startsWith(prefix)) continue;
        yield event;
      }
    } catch (error) {
      throw translate(error, this.server);
    }
  }

  /** KurrentDB hands out parsed payloads: their canonical texts are written from them. */
  async *readAllCanonical(options?: ReadAllOptions): AsyncIterable<CanonicalStoredEvent> {
    for await (const event of this.readAll(options)) {
      yield { ...event, dataText: canonicalJson(event.data), metadataText: canonicalJson(event.metadata) };
    }
  }

  /** KurrentDB reads whole events: their positions and hashes are picked from them. */
  async *readHashes(range?: PositionRange): AsyncIterable<EventHash> {
    for await (const { position, hash } of this.readAll(range)) yield { position, hash };
  }

  /**
   * The events the server's `$by_correlation_id` projection links to the command's key; events written before keys
   * named the principal carry the bare command id, so they are looked up by it when the key finds none.
   */
  async readByCommand(command: IssuedCommand): Promise<StoredEvent[]> {
    const events = await this.readCorrelated(commandKey(command), command);
    return events.length > 0 ? events : this.readCorrelated(command.commandId, command);
  }

  private async readCorrelated(correlationId: string, command: IssuedCommand): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(`$bc-${correlationId}`, { resolveLinkTos: true })) {
        const event = this.toStoredEvent(resolved);
        if (event !== undefined && isRecordedBy(event.metadata, command)) events.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translate(error, this.server);
    }
    return events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  async readPositions(positions: readonly bigint[]): Promise<StoredEvent[]> {
    const wanted = [...new Set(positions)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const found: StoredEvent[] = [];
    for (const position of wanted) {
      if (position <= 0n) continue;
      try {
        for await (const resolved of this.client.readAll({
          fromPosition: { commit: position, prepare: position },
          maxCount: 1,
          filter: this.filter(),
        })) {
          const event = this.toStoredEvent(resolved);
          if (event?.position === position) found.push(event);
        }
      } catch (error) {
        // A position that is no record's boundary is refused by the server: there is no event at it.
        if (isUnavailable(error)) throw new StoreUnavailableError('unreachable', this.server, error);
      }
    }
    return found;
  }

  async head(): Promise<bigint> {
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        maxCount: 1,
        filter: this.filter(),
      })) {
        const event = this.toStoredEvent(resolved);
        if (event !== undefined) return event.position;
      }
      return 0n;
    } catch (error) {
      throw translate(error, this.server);
    }
  }

  /**
   * The last position the server created at or before the instant: writers' clocks may differ, the server's is
   * one per cluster. Read backwards from the end, so the cost grows with the events after the instant.
   */
  async positionAt(instant: string): Promise<bigint> {
    const limit = new Date(toRecordedAtForm(instant)).getTime();
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        filter: this.filter(),
      })) {
        const record = resolved.event;
        if (record === undefined || this.names.fromKurrent(record.streamId) === undefined) continue;
        if (record.created.getTime() <= limit && record.position !== undefined) return record.position.commit;
      }
      return 0n;
    } catch (error) {
      throw translate(error, this.server);
    }
  }

  async waitForEvents(after: bigint, options: WaitOptions): Promise<bigint> {
    this.liveHead.follow();
    return this.signal.wait(after, await this.head(), options);
  }

  /**
   * Reads the head: the only fault this adapter tells apart is a server out of reach, which a read shows as well as
   * a write, without adding to the log.
   */
  async probeWrite(): Promise<void> {
    await this.head();
  }

  async close(): Promise<void> {
    await this.liveHead.close();
    await this.client.dispose();
  }

  private async readTip(name: string): Promise<(StreamTip & { position?: bigint }) | undefined> {
    try {
      // From the leader: a follower's tip may trail it, and a chain must grow from the true tip.
      for await (const resolved of this.client.readStream(name, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
        requiresLeader: true,
      })) {
        const event = this.toStoredEvent(resolved);
        if (event !== undefined) return { revision: event.revision, hash: event.hash, position: event.position };
      }
      return undefined;
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw translate(error, this.server);
    }
  }

  /** Our streams only: the namespace's prefix (and the caller's), or else every stream but the system ones. */
  private filter(streamPrefix?: string): Filter {
    const prefix = this.names.filterPrefix(streamPrefix);
    return prefix.length > 0 ? streamNameFilter({ prefixes: [prefix] }) : excludeSystemEvents();
  }

  private positionAfter(after: bigint): ReadPosition {
    return after === 0n ? START : { commit: after, prepare: after };
  }

  private toStoredEvent(resolved: ResolvedEvent): StoredEvent | undefined {
    const record = resolved.event as KurrentRecord | undefined;
    if (record === undefined) return undefined;
    const streamId = this.names.fromKurrent(record.streamId);
    return streamId === undefined ? undefined : fromKurrentRecord(record, streamId);
  }
}
