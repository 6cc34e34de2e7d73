import { CorruptedEventError } from './errors';
import type { CanonicalStoredEvent, JsonObject, StoredEvent } from './stored-event';

/** An events-table row as both SQL adapters store it (payloads as their canonical JSON text). */
export interface StoredRow {
  readonly position: bigint | string;
  readonly stream_id: string;
  readonly revision: bigint | string;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: bigint | number;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The columns of the events table, in the order the adapters select them. */
export const STORED_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

function parseObject(text: string, position: bigint, column: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptedEventError(position, `${column} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CorruptedEventError(position, `${column} is not a JSON object`);
  }
  return value as JsonObject;
}

/**
 * The same row as a driver's array mode returns it (better-sqlite3's `.raw()`, pg's `rowMode: 'array'`): the values of
 * STORED_COLUMNS in that order. Cheaper to build than an object keyed by column name, for every row a read returns.
 */
export type StoredRowValues = readonly [
  position: bigint | string,
  streamId: string,
  revision: bigint | string,
  eventId: string,
  type: string,
  schemaVersion: bigint | number,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
];

// Positional, so that both row forms share one event shape and one decoding (V8 inlines it into each caller).
function storedEvent(
  positionValue: bigint | string,
  streamId: string,
  revision: bigint | string,
  eventId: string,
  type: string,
  schemaVersion: bigint | number,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
): StoredEvent {
  const position = BigInt(positionValue);
  return {
    position,
    streamId,
    revision: BigInt(revision),
    eventId,
    type,
    schemaVersion: Number(schemaVersion),
    data: parseObject(data, position, 'data'),
    metadata: parseObject(metadata, position, 'metadata'),
    recordedAt,
    prevHash,
    hash,
  };
}

export function rowToStoredEvent(row: StoredRow): StoredEvent {
  return storedEvent(
    row.position,
    row.stream_id,
    row.revision,
    row.event_id,
    row.type,
    row.schema_version,
    row.data,
    row.metadata,
    row.recorded_at,
    row.prev_hash,
    row.hash,
  );
}

export function rowValuesToStoredEvent(values: StoredRowValues): StoredEvent {
  return storedEvent(
    values[0],
    values[1],
    values[2],
    values[3],
    values[4],
    values[5],
    values[6],
    values[7],
    values[8],
    values[9],
    values[10],
  );
}

// The texts are added to the event as built rather than spread into a copy with them: copying every event of an
// export cost more than serialising its payloads again.
function withTexts(event: StoredEvent, dataText: string, metadataText: string): CanonicalStoredEvent {
  const canonical = event as { -readonly [K in keyof CanonicalStoredEvent]: CanonicalStoredEvent[K] };
  canonical.dataText = dataText;
  canonical.metadataText = metadataText;
  return canonical;
}

export function rowToCanonicalEvent(row: StoredRow): CanonicalStoredEvent {
  return withTexts(rowToStoredEvent(row), row.data, row.metadata);
}

export function rowValuesToCanonicalEvent(values: StoredRowValues): CanonicalStoredEvent {
  return withTexts(rowValuesToStoredEvent(values), values[6], values[7]);
}

/** `LIKE` pattern matching ids that start with `prefix` literally (with `ESCAPE '\'`). */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** Normalises an instant to the stored recordedAt form, so that text comparison is time comparison. */
export function toRecordedAtForm(instant: string): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) throw new RangeError(`not an ISO-8601 instant: ${instant}`);
  return time.toISOString();
}
