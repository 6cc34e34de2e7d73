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
 * The database could not be reached or dropped the connection (server restart, network, terminated session). What
 * was being appended is rolled back by the database; the caller may retry.
 */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'store_unavailable';
  constructor(cause: unknown) {
    super(`the event store is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}
