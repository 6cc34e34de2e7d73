import { csvHeader } from '../export/event-csv';
import { EXPORT_FILES, type ExportFileDigest } from '../export/export-format';
import { csvTrailerLine, type ExportTrailer } from '../export/export-trailer';
import { RunningDigest } from '../export/file-digest';
import { tap } from './byte-sources';
import { MAX_CSV_ROW_BYTES } from './csv-events';
import { ExportProblemFound, fail, type ExportProblem } from './export-problem';
import { ndjsonLines, OverlongLineError, type NdjsonLine } from './ndjson-lines';

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
const file = EXPORT_FILES.csv;

/** What a line of events.csv should be: the header, the row of an event (by position), or the trailer. */
interface ExpectedRow {
  /** As UTF-8, newline included. */
  readonly bytes: Buffer;
  readonly what: string;
  readonly position?: string;
}

/** The first cell of a line, when it is a position: says which row stands where another was expected. */
function positionCell(bytes: Buffer): string | undefined {
  const end = bytes.indexOf(COMMA);
  const cell = bytes.subarray(0, end === -1 ? bytes.length : end).toString('latin1');
  return DECIMAL.test(cell) ? cell : undefined;
}

/**
 * A bundle's events.csv held against its events.ndjson (docs/audit-format.md §5): every line must be, byte for byte,
 * what the exporter writes from the events of events.ndjson, the header first and the same trailer last. The
 * manifest's digest of events.csv is not signed, so without this a cell changed in the file an auditor opens in a
 * spreadsheet, the digest recomputed, would go unseen. Read in step with events.ndjson, one line of each at a time;
 * the first difference is kept and reported once events.ndjson itself has been verified, so that a problem of the
 * signed events is the one reported.
 */
export class BundleCsvCheck {
  private readonly digest = new RunningDigest();
  private readonly lines: AsyncGenerator<NdjsonLine>;
  private difference: ExportProblem | undefined;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.lines = ndjsonLines(tap(chunks, this.digest.see), MAX_CSV_ROW_BYTES);
  }

  start(): Promise<void> {
    return this.expect({ bytes: Buffer.from(csvHeader()), what: 'the header' });
  }

  /** The row of the next event of events.ndjson (as csvLine writes it, in UTF-8), once the checker accepted the event. */
  readonly event = (position: string, row: Buffer): Promise<void> =>
    this.expect({ bytes: row, what: `the row of position ${position}`, position });

  /**
   * After the last event: the trailer of events.ndjson, then the end of the file. Fails with the first difference
   * found; otherwise gives the digest of the whole file, for the manifest's to be compared with.
   */
  async finish(trailer: ExportTrailer): Promise<ExportFileDigest> {
    await this.expect({ bytes: Buffer.from(csvTrailerLine(trailer)), what: 'the trailer' });
    if (this.difference === undefined) {
      const extra = await this.next();
      if (extra !== undefined) {
        this.differ(
          `line ${extra.number} of ${file} follows its trailer, which must end it: it was added`,
          extra.number,
        );
      }
    }
    if (this.difference !== undefined) fail(this.difference);
    return this.digest.result();
  }

  /** Stops reading the entry, whether or not the check got to its end. */
  async close(): Promise<void> {
    await this.lines.return(undefined);
  }

  private async expect(row: ExpectedRow): Promise<void> {
    if (this.difference !== undefined) return;
    const expected = row.bytes;
    // A row spans lines where a quoted cell holds a newline: each of its lines is compared in turn.
    for (let start = 0; start < expected.length;) {
      const end = expected.indexOf(NEWLINE, start);
      const line = await this.next();
      if (this.difference !== undefined) return;
      if (line === undefined) {
        this.differ(`${file} ends before ${row.what}: rows were removed or the file was cut`, undefined, row.position);
        return;
      }
      if (!line.terminated) {
        this.differ(`${file} stops in the middle of line ${line.number}: it was cut`, line.number, row.position);
        return;
      }
      if (!line.bytes.equals(expected.subarray(start, end))) {
        this.differ(this.unlike(line, row, start === 0), line.number, row.position);
        return;
      }
      start = end + 1;
    }
  }

  private unlike(line: NdjsonLine, row: ExpectedRow, rowStart: boolean): string {
    const where = `line ${line.number} of ${file}`;
    const found = rowStart ? positionCell(line.bytes) : undefined;
    if (row.position !== undefined && found !== undefined && found !== row.position) {
      return `${where} holds the row of position ${found} where events.ndjson has position ${row.position}: rows were removed, added or reordered`;
    }
    return `${where} is not ${row.what} as the exporter writes it from events.ndjson: it was changed`;
  }

  /** The next line, or undefined at the end; a line too long or an entry that cannot be read is a difference. */
  private async next(): Promise<NdjsonLine | undefined> {
    try {
      const { done, value } = await this.lines.next();
      return done ? undefined : value;
    } catch (error) {
      if (error instanceof OverlongLineError) {
        this.differ(`line ${error.line} of ${file} is longer than any row`, error.line);
      } else if (error instanceof ExportProblemFound) {
        this.difference = error.problem;
      } else {
        throw error;
      }
      return undefined;
    }
  }

  private differ(message: string, line?: number, position?: string): void {
    this.difference = {
      code: 'csv_mismatch',
      file,
      ...(position === undefined ? {} : { position }),
      ...(line === undefined ? {} : { line }),
      message,
    };
  }
}
