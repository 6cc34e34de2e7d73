/** A JSON value as stored: what `JSON.parse` can return. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the caller hands to `append`: the store adds stream, revision, position, time and hashes. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** One event as the log holds it (ARCHITECTURE §4). */
export interface StoredEvent extends NewEvent {
  /** Global, strictly increasing in commit order; opaque (not necessarily contiguous). */
  readonly position: bigint;
  readonly streamId: string;
  /** 0-based index within the stream. */
  readonly revision: bigint;
  /** UTC ISO-8601 with milliseconds, set at append, covered by the hash. */
  readonly recordedAt: string;
  /** Hash of the previous event of the same stream; 64 zeros for revision 0. */
  readonly prevHash: string;
  readonly hash: string;
}

/** An event's data and metadata as their canonical JSON (RFC 8785): the texts its hash covers. */
export interface CanonicalTexts {
  readonly dataText: string;
  readonly metadataText: string;
}

/**
 * A stored event with its payloads also as the text the store holds them in: their canonical JSON (RFC 8785), as
 * appended. A writer of payloads can copy the texts instead of serialising the parsed objects again.
 */
export interface CanonicalStoredEvent extends StoredEvent, CanonicalTexts {}

/**
 * What `append` expects of the stream before writing: exactly this revision, no stream yet, a stream with at least one
 * event (`exists`: appending to something that must have been created first, whatever its revision), or anything.
 */
export type ExpectedRevision = bigint | 'no_stream' | 'exists' | 'any';

export interface AppendResult {
  /** Revision of the last event written. */
  readonly revision: bigint;
  /** Position of the last event written. */
  readonly position: bigint;
}

/** A stored event as JSON: positions and revisions travel as decimal strings. */
export function storedEventToJson(event: StoredEvent): JsonObject {
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
