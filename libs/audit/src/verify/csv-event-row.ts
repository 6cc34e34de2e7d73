import type { JsonObject, StoredEvent } from '@portfolio/event-store';
import { CSV_COLUMNS, csvLine, csvRecord } from '../export/event-csv';

// One row of events.csv back into the stored event it was written from, so that its hash can be recomputed.

export type ParsedRow = { readonly event: StoredEvent } | { readonly reason: string };

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** The value a cell was written from: the exporter put one `'` before any cell starting with `'` or a formula sign. */
export function cellValue(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function jsonObject(cell: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(cell);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `fields` is the header the exporter writes, column for column. */
export function isCsvHeader(fields: readonly string[]): boolean {
  return fields.length === CSV_COLUMNS.length && CSV_COLUMNS.every((name, i) => fields[i] === name);
}

function toEvent(values: Readonly<Record<(typeof CSV_COLUMNS)[number], string>>): StoredEvent | string {
  const { position, revision, schema_version: schemaVersion } = values;
  if (!DECIMAL.test(position)) return 'position must be a decimal number';
  if (!DECIMAL.test(revision)) return 'revision must be a decimal number';
  if (!INTEGER.test(schemaVersion) || !Number.isSafeInteger(Number(schemaVersion))) {
    return 'schema_version must be an integer';
  }
  if (values.stream_id.length === 0) return 'stream_id must not be empty';
  const data = jsonObject(values.data);
  if (data === undefined) return 'data must be a JSON object';
  const metadata = jsonObject(values.metadata);
  if (metadata === undefined) return 'metadata must be a JSON object';
  return {
    position: BigInt(position),
    streamId: values.stream_id,
    revision: BigInt(revision),
    eventId: values.event_id,
    type: values.type,
    schemaVersion: Number(schemaVersion),
    data,
    metadata,
    recordedAt: values.recorded_at,
    prevHash: values.prev_hash,
    hash: values.hash,
  };
}

/**
 * Reads one data row. It must be exactly what the exporter writes for the event it describes: the hash covers
 * `data` and `metadata`, not the columns derived from them (actor, dates, project), which a spreadsheet user filters
 * on; without this check those could be changed unseen.
 */
export function parseCsvRow(fields: readonly string[]): ParsedRow {
  if (fields.length !== CSV_COLUMNS.length) {
    return { reason: `the row has ${fields.length} cells, not the ${CSV_COLUMNS.length} of the header` };
  }
  const values = Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, cellValue(fields[i])]));
  const event = toEvent(values as Record<(typeof CSV_COLUMNS)[number], string>);
  if (typeof event === 'string') return { reason: event };
  if (csvLine(event) !== csvRecord(fields)) {
    return {
      reason:
        'the row is not written as the exporter writes this event (a derived column, a JSON spelling or a quote differs)',
    };
  }
  return { event };
}
