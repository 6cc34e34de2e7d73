import type { StoredEvent } from '@portfolio/event-store';
import { CsvParser, type CsvRecord } from '../csv/csv-reader';
import { CSV_TRAILER_PREFIX, parseProofLine, TRAILER_KEY, type ExportTrailer } from '../export/export-trailer';
import { decodeBase64 } from '../transparency/strict-base64';
import { isCsvHeader, parseCsvRow } from './csv-event-row';
import { fail } from './export-problem';
import { ndjsonLines, OverlongLineError } from './ndjson-lines';

// Reading events.csv back (docs/audit-format.md §5): the header, one row per event, the trailer as the last line.

// Far above any event the ledger writes (as for NDJSON lines); a row may span lines, so rows are bounded too.
export const MAX_CSV_ROW_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What reading the file calls for each event, in file order, with the line its row starts on. */
export type AcceptEvent = (event: StoredEvent, line: number) => void;

function decode(bytes: Buffer, file: string | undefined, line: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail({ code: 'malformed_event', file, line, message: `line ${line} is not valid UTF-8` });
  }
}

/** The trailer's comment line: `#exportTrailer:` then the base64 of the trailer's JSON, as the exporter writes it. */
function parseTrailerLine(text: string, file: string | undefined, line: number): ExportTrailer {
  const bad = (why: string) =>
    fail({ code: 'malformed_event', file, line, message: `line ${line} is not the export's trailer: ${why}` });
  if (!text.startsWith(CSV_TRAILER_PREFIX)) return bad(`a comment line must start with ${CSV_TRAILER_PREFIX}`);
  const bytes = decodeBase64(text.slice(CSV_TRAILER_PREFIX.length));
  if (bytes === undefined) return bad('it is not base64');
  try {
    // The same JSON as the NDJSON trailer's, under the same checks of shape and spelling.
    const parsed = parseProofLine(`{"${TRAILER_KEY}":${decode(bytes, file, line)}}`);
    return parsed?.kind === 'trailer' ? parsed.trailer : bad('it is not a trailer');
  } catch (error) {
    return bad((error as Error).message);
  }
}

/** Turns parsed records into events: the first must be the header, every other a row as the exporter writes it. */
class RowReader {
  private headerSeen = false;

  constructor(
    private readonly accept: AcceptEvent,
    private readonly file: string | undefined,
  ) {}

  get sawHeader(): boolean {
    return this.headerSeen;
  }

  read(record: CsvRecord): void {
    const { file, line } = { file: this.file, line: record.line };
    if (record.problem !== undefined) {
      fail({ code: 'malformed_event', file, line, message: `line ${line}: ${record.problem}` });
    }
    if (!this.headerSeen) {
      if (!isCsvHeader(record.fields)) {
        fail({
          code: 'bad_csv_header',
          file,
          line,
          message: 'the first line is not the header of an events CSV export',
        });
      }
      this.headerSeen = true;
      return;
    }
    const parsed = parseCsvRow(record.fields);
    if ('reason' in parsed) {
      const position = /^(?:0|[1-9][0-9]*)$/.test(record.fields[0] ?? '') ? record.fields[0] : undefined;
      fail({ code: 'malformed_event', position, file, line, message: `line ${line}: ${parsed.reason}` });
    }
    this.accept(parsed.event, line);
  }
}

/**
 * Reads an events CSV export as a stream, handing each event to `accept`, and returns the trailer that must end it.
 * Holds one row at a time. A file cut anywhere lacks its trailer or ends mid-line; nothing may follow the trailer.
 */
export async function readCsvExport(
  chunks: AsyncIterable<Buffer>,
  accept: AcceptEvent,
  options: { readonly file?: string; readonly maxRowBytes?: number } = {},
): Promise<ExportTrailer> {
  const { file, maxRowBytes = MAX_CSV_ROW_BYTES } = options;
  const parser = new CsvParser();
  const rows = new RowReader(accept, file);
  let trailer: { readonly value: ExportTrailer; readonly line: number } | undefined;
  // Characters given to the parser since its last complete record: a row still open across lines.
  let open = 0;
  try {
    for await (const line of ndjsonLines(chunks, maxRowBytes)) {
      const { number } = line;
      if (!line.terminated) {
        fail({
          code: 'truncated',
          file,
          line: number,
          message: `the file stops in the middle of line ${number}: it was cut short`,
        });
      }
      if (trailer !== undefined) {
        fail({
          code: 'malformed_event',
          file,
          line: number,
          message: `line ${number} follows the export's trailer (line ${trailer.line}), which must end it`,
        });
      }
      const text = decode(line.bytes, file, number);
      if (open === 0 && text.startsWith('#')) {
        trailer = { value: parseTrailerLine(text, file, number), line: number };
        continue;
      }
      const records = parser.push(`${text}\n`);
      records.forEach((record) => rows.read(record));
      open = records.length > 0 ? 0 : open + text.length + 1;
      if (open > maxRowBytes) {
        fail({
          code: 'malformed_event',
          file,
          line: number,
          message: `the row open at line ${number} is longer than any event`,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof OverlongLineError)) throw error;
    fail({ code: 'malformed_event', file, line: error.line, message: `line ${error.line} is longer than any event` });
  }
  // A quoted cell still open at the end: the parser flags the record it ends.
  parser.end().forEach((record) => rows.read(record));
  if (!rows.sawHeader)
    fail({ code: 'bad_csv_header', file, message: 'the file has no header: it is not an events CSV export' });
  if (trailer === undefined) {
    return fail({
      code: 'truncated',
      file,
      message: 'the export ends without its trailer: it was cut (or is not a v2 export)',
    });
  }
  return trailer.value;
}
