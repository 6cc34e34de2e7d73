import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event hash covers (ARCHITECTURE §4), with data and metadata already in canonical form. */
export interface HashedFields {
  readonly prevHash: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** canonicalJson(data) */
  readonly canonicalData: string;
  /** canonicalJson(metadata) */
  readonly canonicalMetadata: string;
  readonly recordedAt: string;
}

/**
 * The RFC 8785 text of `{prevHash, streamId, revision, eventId, type, schemaVersion, data, metadata, recordedAt}`
 * (revision as a decimal string, as it travels in JSON). Assembled from the pre-canonicalised payloads so that the
 * expensive part can run before an append takes its lock; the keys below are in RFC 8785 (UTF-16 code unit) order.
 */
export function eventHashInput(fields: HashedFields): string {
  // RFC 8785 writes strings and numbers as JSON.stringify does: no need to walk them as values.
  return (
    `{"data":${fields.canonicalData}` +
    `,"eventId":${JSON.stringify(fields.eventId)}` +
    `,"metadata":${fields.canonicalMetadata}` +
    `,"prevHash":${JSON.stringify(fields.prevHash)}` +
    `,"recordedAt":${JSON.stringify(fields.recordedAt)}` +
    `,"revision":"${fields.revision.toString()}"` +
    `,"schemaVersion":${canonicalJson(fields.schemaVersion)}` +
    `,"streamId":${JSON.stringify(fields.streamId)}` +
    `,"type":${JSON.stringify(fields.type)}}`
  );
}

/** One-shot crypto.hash (UTF-8 for a string): half the cost of a Hash object per event, on every append and verify. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function computeEventHash(fields: HashedFields): string {
  return sha256Hex(eventHashInput(fields));
}
