import type { JsonObject, StoredEvent } from '@portfolio/event-store';
import { exportEventLine } from '../export/export-format';

// fatal: invalid UTF-8 is a finding, not something to paper over with U+FFFD. ignoreBOM keeps a BOM in the text,
// where JSON.parse rejects it: the exporter never writes one.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const DECIMAL = /^(0|[1-9]\d*)$/;
// storedEventToJson puts the position first, so even a cut or broken line usually still says where it was.
const LEADING_POSITION = /^\{"position":"(0|[1-9]\d*)"/;

export type ParsedLine = { readonly event: StoredEvent } | { readonly reason: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toEvent(value: unknown): StoredEvent | string {
  if (!isObject(value)) return 'the line is not a JSON object';
  const { position, streamId, revision, eventId, type, schemaVersion, data, metadata, recordedAt, prevHash, hash } =
    value;
  if (typeof position !== 'string' || !DECIMAL.test(position)) return 'position must be a decimal string';
  if (typeof streamId !== 'string' || streamId.length === 0) return 'streamId must be a non-empty string';
  if (typeof revision !== 'string' || !DECIMAL.test(revision)) return 'revision must be a decimal string';
  if (typeof eventId !== 'string') return 'eventId must be a string';
  if (typeof type !== 'string') return 'type must be a string';
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion))
    return 'schemaVersion must be an integer';
  if (!isObject(data)) return 'data must be a JSON object';
  if (!isObject(metadata)) return 'metadata must be a JSON object';
  if (typeof recordedAt !== 'string') return 'recordedAt must be a string';
  if (typeof prevHash !== 'string') return 'prevHash must be a string';
  if (typeof hash !== 'string') return 'hash must be a string';
  return {
    position: BigInt(position),
    streamId,
    revision: BigInt(revision),
    eventId,
    type,
    schemaVersion,
    data,
    metadata,
    recordedAt,
    prevHash,
    hash,
  };
}

/**
 * Reads one line of events.ndjson (without its newline). The line must be byte for byte what the exporter writes
 * for the event it describes: the hash covers the values, not the spelling, nor the position, so without this an
 * added space, a reordered key or a renumbered position would pass the chain check.
 */
export function parseEventLine(bytes: Buffer): ParsedLine {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: 'the line is not valid UTF-8' };
  }
  if (text.length === 0) return { reason: 'the line is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'the line is not valid JSON' };
  }
  const event = toEvent(value);
  if (typeof event === 'string') return { reason: event };
  if (exportEventLine(event) !== `${text}\n`) {
    return { reason: 'the line is not written as the exporter writes events (extra fields, spacing or key order)' };
  }
  return { event };
}

/** The position a line names at its start, if readable: where a truncated or broken line was. */
export function positionHint(bytes: Buffer): string | undefined {
  return LEADING_POSITION.exec(bytes.subarray(0, 64).toString('latin1'))?.[1];
}
