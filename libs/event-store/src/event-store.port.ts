import type { IssuedCommand } from './command-key';
import type { AppendResult, CanonicalStoredEvent, ExpectedRevision, NewEvent, StoredEvent } from './stored-event';

export interface ReadStreamOptions {
  /** First revision to return (default 0). */
  readonly fromRevision?: bigint;
  /** Return only events at or before this global position (an as-of read of one stream). */
  readonly toPosition?: bigint;
}

export interface ReadAllOptions {
  /** Return events strictly after this position (default: from the start). */
  readonly after?: bigint;
  /** Return events at or before this position. */
  readonly to?: bigint;
  /** Only these event types. */
  readonly types?: readonly string[];
  /** Only streams whose id starts with this prefix (e.g. `project-`). */
  readonly streamPrefix?: string;
  /** Rows fetched per round trip (default 1000). */
  readonly batchSize?: number;
}

/** A stretch of the log by position, as readAll bounds it. */
export type PositionRange = Pick<ReadAllOptions, 'after' | 'to'>;

/** An event's position and hash alone: what a Merkle tree or a seal of the log is built from. */
export interface EventHash {
  readonly position: bigint;
  readonly hash: string;
}

export interface WaitOptions {
  /** Give up after this long and return the head as it is. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * The append-only event log (ARCHITECTURE §4): one port, one adapter per database, one contract test suite.
 * A reader that follows `readAll({ after })` never misses an event, whatever the number of concurrent writers.
 */
export interface EventStore {
  /**
   * Appends all the events or none. Throws WrongExpectedRevisionError (nothing written) when the stream is not at
   * `expected`, DuplicateEventIdError when an event id is already stored, InvalidEventError for unstorable input.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; throws StreamNotFoundError when the stream has none. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** Every event in global position order. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** readAll, each event with the canonical texts of its payloads (an export copies them rather than rewrite them). */
  readAllCanonical(options?: ReadAllOptions): AsyncIterable<CanonicalStoredEvent>;
  /**
   * The position and hash of every event in the range, in position order: readAll without the payloads, which a
   * tree of the whole log does not need and would otherwise fetch and parse for every event.
   */
  readHashes(range?: PositionRange): AsyncIterable<EventHash>;
  /**
   * The events whose `metadata.actor.id` and `metadata.commandId` are this command's, in position order: how a
   * retried command finds what it already recorded (idempotency keys live in the events themselves, ARCHITECTURE §4).
   * A key is the principal's own: another principal's command with the same id is not found.
   */
  readByCommand(command: IssuedCommand): Promise<StoredEvent[]>;
  /** The events at these positions, in position order; positions with no event are skipped (an audit-log page). */
  readPositions(positions: readonly bigint[]): Promise<StoredEvent[]>;
  /** The last position written, 0n when the log is empty. */
  head(): Promise<bigint>;
  /** The last position recorded at or before this instant (ISO-8601), 0n when none is. */
  positionAt(instant: string): Promise<bigint>;
  /** Resolves with the head as soon as it is past `after`, or when the timeout or signal ends the wait. */
  waitForEvents(after: bigint, options: WaitOptions): Promise<bigint>;
  /**
   * A small real write (one row rewritten), for readiness to learn that the storage takes writes again after a
   * fault; throws StoreUnavailableError naming the fault while it does not.
   */
  probeWrite(): Promise<void>;
  /** Releases connections; the store cannot be used afterwards. */
  close(): Promise<void>;
}
