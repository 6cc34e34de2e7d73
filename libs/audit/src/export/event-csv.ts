import { businessDateOf, parseStreamId, type DomainEvent } from '@portfolio/domain';
import {
  canonicalJson,
  type CanonicalStoredEvent,
  type CanonicalTexts,
  type StoredEvent,
} from '@portfolio/event-store';

/**
 * One row per event, per the French open-data conventions (UTF-8, comma, snake_case headers, ISO 8601 dates):
 * what a spreadsheet user filters on comes first, the full payloads as canonical JSON follow, the hashes close.
 */
export const CSV_COLUMNS = [
  'position',
  'stream_id',
  'revision',
  'event_id',
  'type',
  'schema_version',
  'recorded_at',
  'business_date',
  'project_id',
  'mission_code',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_organisation',
  'command_id',
  'correlation_id',
  'data',
  'metadata',
  'prev_hash',
  'hash',
] as const;

/** What a spreadsheet reads as the start of a formula (OWASP CSV injection), TAB and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet shows as text, never runs: one that could start a formula gets a leading `'`, and so does one
 * already starting with `'`, so that removing one leading `'` from every cell that has one gives the value back.
 */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function businessDate(event: StoredEvent): string {
  try {
    // The stored data is only as typed as the event that was written: a missing date is an empty cell.
    return text(businessDateOf({ type: event.type, data: event.data } as unknown as DomainEvent));
  } catch {
    return '';
  }
}

/** A cell that holds a quote, a comma or a line break is quoted (RFC 4180), its quotes doubled. */
const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One record, newline included, exactly as csv-stringify writes string cells with its defaults (the format of
 * existing exports): written here because building its stringifier for each of a million rows was most of the
 * CSV's cost, for the exporter and for the verifier that writes each row again to compare.
 */
export function csvRecord(cells: readonly string[]): string {
  let record = '';
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    if (i > 0) record += ',';
    record += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${record}\n`;
}

export function csvHeader(): string {
  return csvRecord(CSV_COLUMNS);
}

export function csvLine(event: StoredEvent | CanonicalStoredEvent): string {
  // A store's canonical texts are what canonicalJson would write.
  const texts =
    'dataText' in event ? event : { dataText: canonicalJson(event.data), metadataText: canonicalJson(event.metadata) };
  return csvLineFromTexts(event, texts);
}

/** The event's row, its payloads written as the canonical texts given (a verifier recomputed them for the hash). */
export function csvLineFromTexts(event: StoredEvent, texts: CanonicalTexts): string {
  const stream = parseStreamId(event.streamId);
  const actor = (
    typeof event.metadata.actor === 'object' && event.metadata.actor !== null ? event.metadata.actor : {}
  ) as Record<string, unknown>;
  const data = event.data as Record<string, unknown>;
  const cells = [
    event.position.toString(),
    event.streamId,
    event.revision.toString(),
    event.eventId,
    event.type,
    String(event.schemaVersion),
    event.recordedAt,
    businessDate(event),
    stream?.kind === 'project' ? stream.id : '',
    stream?.kind === 'mission' ? stream.id : text(data.missionCode),
    text(actor.id),
    text(actor.name),
    text(actor.role),
    text(actor.organisation),
    text(event.metadata.commandId),
    text(event.metadata.correlationId),
    texts.dataText,
    texts.metadataText,
    event.prevHash,
    event.hash,
  ];
  // Every cell, not only those a caller sets: which fields carry free text grows with the event types.
  return csvRecord(cells.map(inertCell));
}
