/**
 * A streaming RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and doubled
 * quotes (`""` for `"`); records end with CRLF, LF or a lone CR; a UTF-8 byte order mark is dropped. Every record
 * carries the 1-based line of the file it starts on, so that a rejected row can be pointed at in an editor.
 *
 * It is lenient where a strict reader would stop: a malformed record (a quote inside an unquoted field, text after a
 * closing quote, a quoted field still open at the end of the file) is read as well as it can be and flagged with a
 * `problem`, so that a reader can refuse that one record and go on with the next.
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

type State = 'field_start' | 'unquoted' | 'quoted' | 'quote_in_quoted';

/** A push parser of RFC 4180 records (the verifier reads a bundle's CSV with it): feed it text in chunks of any size, then call `end`. */
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
