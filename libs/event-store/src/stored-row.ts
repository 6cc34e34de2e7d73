import { CorruptedEventError } from './errors';
import type { JsonObject, StoredEvent } from './stored-event';

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

export function rowToStoredEvent(row: StoredRow): StoredEvent {
  const position = BigInt(row.position);
  return {
    position,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: parseObject(row.data, position, 'data'),
    metadata: parseObject(row.metadata, position, 'metadata'),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
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
