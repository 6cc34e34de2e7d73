import { canonicalJson } from './canonical-json';
import { commandKey, issuedCommandOf } from './command-key';
import { DuplicateEventIdError, InvalidEventError, WrongExpectedRevisionError } from './errors';
import { computeEventHash, GENESIS_HASH } from './hash-chain';
import { isPlainObject, type ExpectedRevision, type JsonObject, type NewEvent } from './stored-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 200;
const MAX_TYPE_LENGTH = 200;

/** A new event checked and canonicalised, ready to be chained once the stream's tip is known. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
  /** The commandKey of `metadata.actor.id` and `metadata.commandId` when both are strings: the idempotency index. */
  readonly commandKey: string | null;
}

/** A prepared event placed in its stream: what an adapter writes, minus the position the database gives. */
export interface ChainedEvent extends PreparedEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The last event of a stream, as an append needs it. */
export interface StreamTip {
  readonly revision: bigint;
  readonly hash: string;
}

/** Where an invalid event sits, for its error: built only when one is thrown, not for every event appended. */
function eventAt(index: number): string {
  return `event ${index} of the batch`;
}

function canonicalOrThrow(value: unknown, index: number, part: 'data' | 'metadata'): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    throw new InvalidEventError(`${eventAt(index)}: ${part} is not representable as JSON: ${(error as Error).message}`);
  }
}

/**
 * Validates and canonicalises a batch outside any lock or transaction: the costly part of an append
 * (RFC 8785 serialisation) must not lengthen the critical section that orders commits.
 */
export function prepareAppend(streamId: string, events: readonly NewEvent[]): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidEventError(`stream id must be a non-empty string of at most ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (events.length === 0) throw new InvalidEventError('an append needs at least one event');
  const seen = new Set<string>();
  // The events of one command share one metadata object: canonicalise it once per batch, not once per event.
  const metadataForms = new Map<object, Pick<PreparedEvent, 'canonicalMetadata' | 'commandKey'>>();
  const metadataOnce = (metadata: JsonObject, index: number) => {
    let forms = metadataForms.get(metadata);
    if (forms === undefined) {
      const issued = issuedCommandOf(metadata);
      forms = {
        canonicalMetadata: canonicalOrThrow(metadata, index, 'metadata'),
        commandKey: issued === undefined ? null : commandKey(issued),
      };
      metadataForms.set(metadata, forms);
    }
    return forms;
  };
  return events.map((event, index) => {
    if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
      throw new InvalidEventError(`${eventAt(index)}: eventId must be a UUID`);
    }
    const eventId = event.eventId.toLowerCase();
    if (seen.has(eventId)) throw new DuplicateEventIdError(eventId);
    seen.add(eventId);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.length > MAX_TYPE_LENGTH) {
      throw new InvalidEventError(
        `${eventAt(index)}: type must be a non-empty string of at most ${MAX_TYPE_LENGTH} characters`,
      );
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidEventError(`${eventAt(index)}: schemaVersion must be a positive integer`);
    }
    if (!isPlainObject(event.data)) throw new InvalidEventError(`${eventAt(index)}: data must be a JSON object`);
    if (!isPlainObject(event.metadata))
      throw new InvalidEventError(`${eventAt(index)}: metadata must be a JSON object`);
    const canonicalData = canonicalOrThrow(event.data, index, 'data');
    // The canonical text is what gets stored: the data read back is exactly the data hashed.
    return {
      eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      canonicalData,
      ...metadataOnce(event.metadata, index),
    };
  });
}

/** Throws WrongExpectedRevisionError unless the stream's current revision satisfies `expected`. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, tip: StreamTip | undefined): void {
  if (expected === 'any') return;
  const actual = tip === undefined ? 'no_stream' : tip.revision;
  if (expected === 'exists' ? actual === 'no_stream' : expected !== actual) {
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }
}

/** Places the batch after the stream's tip: consecutive revisions, each event hashed over its predecessor. */
export function chainEvents(
  streamId: string,
  prepared: readonly PreparedEvent[],
  tip: StreamTip | undefined,
  recordedAt: string,
): ChainedEvent[] {
  let revision = tip === undefined ? -1n : tip.revision;
  let prevHash = tip === undefined ? GENESIS_HASH : tip.hash;
  // One literal object per event, hashed then completed: this runs inside the append's critical section, and the two
  // spreads of each event it replaces were a tenth of an append's profile.
  return prepared.map((event) => {
    revision += 1n;
    const chained = {
      streamId,
      revision,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      canonicalData: event.canonicalData,
      canonicalMetadata: event.canonicalMetadata,
      commandKey: event.commandKey,
      recordedAt,
      prevHash,
      hash: '',
    };
    chained.hash = computeEventHash(chained);
    prevHash = chained.hash;
    return chained;
  });
}

/** recordedAt for a new commit: the clock, but never before the last commit (§4: never decreasing in position order). */
export function nextRecordedAt(nowMs: number, lastRecordedAt: string | undefined): string {
  const now = new Date(nowMs).toISOString();
  return lastRecordedAt !== undefined && lastRecordedAt > now ? lastRecordedAt : now;
}
