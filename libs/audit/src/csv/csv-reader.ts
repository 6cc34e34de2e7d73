/**
 * A streaming RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and doubled
 * quotes (`""` for `"`); records end with CRLF, LF or a lone CR; a UTF-8 byte order mark is dropped. Every record
 * carries the 1-based line of the file it starts on, so that a rejected row can be pointed at in an editor.
 *
 * It is lenient where a strict reader would stop: a malformed record (a quote inside an unquoted field, text after a
 * closing quote, a quoted field still open at the end of the file) is read as well as it can be and flagged with a
 * `problem`, so that an importer can reject that one row and go on with the next.
 *
 * Completely empty lines are skipped (RFC 4180 would read them as a record of one empty field); they still count as lines.
 */

/** One record of the file, as text fields. */
export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
  /** Why the record is malformed, when it is. */
  readonly problem?: string;
}

/** One data record keyed by the header's column names. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  readonly problem?: string;
}

type State = 'field_start' | 'unquoted' | 'quoted' | 'quote_in_quoted';

/** The push parser behind the streaming functions: feed it text in chunks of any size, then call `end`. */
export class CsvParser {
  private state: State = 'field_start';
  private field = '';
  private fields: string[] = [];
  private problem: string | undefined;
  /** Current line of the file, 1-based. */
  private line = 1;
  private recordLine = 1;
  private quoteOpenedOn = 1;
  /** Whether the current record has consumed any character besides its terminator (an empty line has not). */
  private inRecord = false;
  /** The previous character was a CR: a LF right after it belongs to the same line break. */
  private afterCr = false;
  private atStart = true;
  private ended = false;

  /** The line the parser has reached. */
  get currentLine(): number {
    return this.line;
  }

  /** Parses the next piece of text, returning the records it completes. */
  push(text: string): CsvRecord[] {
    if (this.ended) throw new Error('CsvParser: push after end');
    const records: CsvRecord[] = [];
    let i = 0;
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i += 1) {
      const c = text[i];
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') {
          // The LF of a CRLF: the line was already counted (and the record ended) on the CR.
          if (this.state === 'quoted') this.field += c;
          continue;
        }
      }
      switch (this.state) {
        case 'field_start':
          if (c === '"') {
            this.startRecord();
            this.state = 'quoted';
            this.quoteOpenedOn = this.line;
          } else if (c === ',') {
            this.startRecord();
            this.endField();
          } else if (c === '\n' || c === '\r') {
            this.endLine(c, records);
          } else {
            this.startRecord();
            this.field = c;
            this.state = 'unquoted';
          }
          break;
        case 'unquoted':
          if (c === ',') {
            this.endField();
            this.state = 'field_start';
          } else if (c === '\n' || c === '\r') {
            this.endLine(c, records);
          } else {
            if (c === '"') this.flag(`a double quote inside an unquoted field (column ${this.fields.length + 1})`);
            this.field += c;
          }
          break;
        case 'quoted':
          if (c === '"') {
            this.state = 'quote_in_quoted';
          } else {
            this.field += c;
            if (c === '\n') this.line += 1;
            else if (c === '\r') {
              this.line += 1;
              this.afterCr = true;
            }
          }
          break;
        case 'quote_in_quoted':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else if (c === ',') {
            this.endField();
            this.state = 'field_start';
          } else if (c === '\n' || c === '\r') {
            this.endLine(c, records);
          } else {
            this.flag(`text after the closing quote of column ${this.fields.length + 1}`);
            this.field += c;
            this.state = 'unquoted';
          }
          break;
      }
    }
    return records;
  }

  /** Ends the input, returning the last record when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.ended) return [];
    this.ended = true;
    if (this.state === 'quoted') {
      this.flag(`a quoted field opened on line ${this.quoteOpenedOn} is never closed`);
    }
    if (!this.inRecord) return [];
    return [this.takeRecord()];
  }

  private startRecord(): void {
    if (!this.inRecord) {
      this.inRecord = true;
      this.recordLine = this.line;
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endLine(terminator: string, records: CsvRecord[]): void {
    if (this.inRecord) records.push(this.takeRecord());
    this.line += 1;
    if (terminator === '\r') this.afterCr = true;
  }

  private takeRecord(): CsvRecord {
    this.endField();
    const record: CsvRecord =
      this.problem === undefined
        ? { line: this.recordLine, fields: this.fields }
        : { line: this.recordLine, fields: this.fields, problem: this.problem };
    this.fields = [];
    this.problem = undefined;
    this.inRecord = false;
    this.state = 'field_start';
    return record;
  }

  private flag(problem: string): void {
    // The first problem of a record is the one worth reporting.
    this.problem ??= problem;
  }
}

/** Every record of a whole text, e.g. a test fixture. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Bytes that are not UTF-8 text. */
export class CsvEncodingError extends Error {
  override readonly name = 'CsvEncodingError';
}

/**
 * Records of a stream of text or UTF-8 bytes (e.g. `fs.createReadStream(path)`), one at a time. Bytes are decoded
 * strictly: a file that is not UTF-8 (say Windows-1252) fails with a CsvEncodingError instead of importing mangled text.
 */
export async function* readCsvRecords(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  // ignoreBOM: false (the default) drops a leading BOM; `stream: true` keeps a character split across chunks whole.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvEncodingError(`the text is not UTF-8 (from line ${parser.currentLine})`);
    }
  };
  for await (const chunk of source) yield* parser.push(typeof chunk === 'string' ? chunk : decode(chunk));
  yield* parser.push(decode());
  yield* parser.end();
}

/** Column names of a header record, trimmed. */
export function headerOf(record: CsvRecord): readonly string[] {
  return record.fields.map((name) => name.trim());
}

/**
 * Data records keyed by the column names of the first record (the header). A record with another number of fields
 * than the header is flagged with a problem; its fields are still keyed as far as they go.
 */
export async function* readCsvRows(
  source: AsyncIterable<string | Uint8Array>,
  onHeader?: (columns: readonly string[]) => void,
): AsyncGenerator<CsvRow> {
  let columns: readonly string[] | undefined;
  for await (const record of readCsvRecords(source)) {
    if (columns === undefined) {
      columns = headerOf(record);
      onHeader?.(columns);
      continue;
    }
    const header = columns;
    const values = Object.fromEntries(header.map((name, i) => [name, record.fields[i] ?? '']));
    const problem =
      record.problem ??
      (record.fields.length === header.length
        ? undefined
        : `${record.fields.length} fields where the header has ${header.length}`);
    yield problem === undefined ? { line: record.line, values } : { line: record.line, values, problem };
  }
}
