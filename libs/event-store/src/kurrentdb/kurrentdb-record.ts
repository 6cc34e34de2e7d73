import { CorruptedEventError } from '../errors';
import type { ChainedEvent } from '../prepare-append';
import type { JsonObject, StoredEvent } from '../stored-event';

/**
 * How one of our events sits in a KurrentDB record. KurrentDB keeps the stream, revision, event id, type and
 * position itself; what the hash covers beyond them travels in the record's metadata, beside `$correlationId`,
 * which the server's standard `$by_correlation_id` projection indexes (how a command finds its events: the
 * correlation id is the command's key, its principal and command id).
 */
// A type, not an interface: the client's metadata parameter is an index signature, which interfaces do not satisfy.
export type KurrentRecordMetadata = {
  readonly $correlationId?: string;
  readonly ledger: {
    readonly schemaVersion: number;
    readonly recordedAt: string;
    readonly prevHash: string;
    readonly hash: string;
    readonly metadata: JsonObject;
  };
};

/** What an append sends for one event (the client's JSON event shape). */
export interface KurrentEventData {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: KurrentRecordMetadata;
}

/** What a read returns of one record, reduced to the fields the mapping needs. */
export interface KurrentRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: { readonly commit: bigint };
}

/**
 * The ledger's streams inside one KurrentDB database. A namespace keeps several ledgers (or test runs) apart in one
 * cluster: every stream name starts with it, and reads of `$all` are filtered on it.
 */
export class KurrentStreamNames {
  constructor(private readonly namespace: string) {
    if (namespace.startsWith('$')) throw new RangeError('a namespace must not start with $ (system streams)');
  }

  toKurrent(streamId: string): string {
    return this.namespace + streamId;
  }

  /** Our stream id, or undefined for a stream outside the namespace. */
  fromKurrent(name: string): string | undefined {
    return name.startsWith(this.namespace) ? name.slice(this.namespace.length) : undefined;
  }

  /** The literal prefix a server-side filter must match, for all our streams or those starting with `prefix`. */
  filterPrefix(prefix = ''): string {
    return this.namespace + prefix;
  }
}

export function toKurrentEventData(event: ChainedEvent): KurrentEventData {
  // The canonical text is what was hashed; JSON round-trips it to an equal value, which hashes the same.
  const metadata = JSON.parse(event.canonicalMetadata) as JsonObject;
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    data: JSON.parse(event.canonicalData) as JsonObject,
    metadata: {
      ...(event.commandKey === null ? {} : { $correlationId: event.commandKey }),
      ledger: {
        schemaVersion: event.schemaVersion,
        recordedAt: event.recordedAt,
        prevHash: event.prevHash,
        hash: event.hash,
        metadata,
      },
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record read back as a stored event; a record that is not ours, or was altered, is reported at its position. */
export function fromKurrentRecord(record: KurrentRecord, streamId: string): StoredEvent {
  if (record.position === undefined) {
    throw new Error('KurrentDB returned an event without its position: the server must be 22.6 or later');
  }
  const position = record.position.commit;
  const envelope = isObject(record.metadata) ? record.metadata.ledger : undefined;
  if (!isObject(envelope)) throw new CorruptedEventError(position, 'metadata does not hold the ledger envelope');
  const { schemaVersion, recordedAt, prevHash, hash, metadata } = envelope;
  if (typeof schemaVersion !== 'number' || typeof recordedAt !== 'string') {
    throw new CorruptedEventError(position, 'schemaVersion or recordedAt is missing');
  }
  if (typeof prevHash !== 'string' || typeof hash !== 'string') {
    throw new CorruptedEventError(position, 'prevHash or hash is missing');
  }
  if (!isObject(metadata)) throw new CorruptedEventError(position, 'metadata is not a JSON object');
  if (!isObject(record.data)) throw new CorruptedEventError(position, 'data is not a JSON object');
  return {
    position,
    streamId,
    revision: record.revision,
    eventId: record.id,
    type: record.type,
    schemaVersion,
    data: record.data as JsonObject,
    metadata: metadata as JsonObject,
    recordedAt,
    prevHash,
    hash,
  };
}
