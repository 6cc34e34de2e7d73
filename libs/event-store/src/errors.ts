import type { ExpectedRevision } from './stored-event';

/** Base of every failure the event store reports on purpose. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong_expected_revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'stream_not_found';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate_event_id';
  constructor(readonly eventId: string) {
    super(`an event with id ${eventId} is already stored`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The caller handed something that cannot be stored (bad id, not a JSON object, NaN ...). Nothing was written. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'invalid_event';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** A stored row cannot be read back as an event: the store was altered outside this code. */
export class CorruptedEventError extends EventStoreError {
  readonly code = 'corrupted_event';
  constructor(
    readonly position: bigint,
    reason: string,
  ) {
    super(`event at position ${position} is corrupted: ${reason}`);
    this.name = 'CorruptedEventError';
  }
}

/**
 * What keeps the storage from taking a write, as an operator fixes it: free space, make it writable, bring the
 * server back, look at the disk.
 */
export type StorageFault = 'disk_full' | 'read_only' | 'unreachable' | 'io_error';

const FAULT_IN_WORDS: Readonly<Record<StorageFault, (where: string) => string>> = {
  disk_full: (where) => `the disk holding ${where} is full`,
  read_only: (where) => `${where} is read-only`,
  unreachable: (where) => `${where} cannot be reached`,
  io_error: (where) => `${where} fails with an I/O error`,
};

// A lost connection is usually back within a second; a full or read-only disk waits for an operator.
const RETRY_AFTER_SECONDS: Readonly<Record<StorageFault, number>> = {
  disk_full: 30,
  read_only: 30,
  unreachable: 1,
  io_error: 30,
};

/**
 * The storage cannot take the operation (disk full, read-only, unreachable: server restart, network, terminated
 * session; I/O error). What was being written is rolled back by the database; the caller may retry. `where` is the
 * file or the server, never credentials.
 */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'store_unavailable';
  /** The fault in words, naming where it is, without the driver's message: what a client may be told. */
  readonly description: string;
  readonly retryAfterSeconds: number;
  constructor(
    readonly fault: StorageFault,
    readonly where: string,
    cause: unknown,
  ) {
    const description = FAULT_IN_WORDS[fault](where);
    super(`${description}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
    this.description = description;
    this.retryAfterSeconds = RETRY_AFTER_SECONDS[fault];
  }
}

/** The store could not be opened at start (a read-only or missing directory, a file that is not a database ...). */
export class StoreOpenError extends EventStoreError {
  readonly code = 'store_open_failed';
  constructor(
    readonly where: string,
    reason: string,
    cause: unknown,
  ) {
    super(`cannot open ${where}: ${reason}`, { cause });
    this.name = 'StoreOpenError';
  }
}
