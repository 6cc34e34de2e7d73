import { fileErrorInWords, isSystemError } from '@portfolio/audit';
import { Parser, type CastingFunction, type CsvError, type Info } from 'csv-parse';
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** One data record keyed by the header's column names, with the 1-based line of the file it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  /** Why the record is malformed, when it is: the importer rejects that row and goes on with the next. */
  readonly problem?: string;
}

/** A CSV file read whole: its header, its rows and the SHA-256 of its bytes. */
export interface Table {
  readonly file: string;
  readonly sha256: string;
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Bytes that are not UTF-8 text. */
export class CsvEncodingError extends Error {
  override readonly name = 'CsvEncodingError';
}

/**
 * A field csv-parse read leniently (relax_quotes) that RFC 4180 does not allow: a quote inside an unquoted field, or
 * text between a closing quote and the next delimiter.
 */
class StrayQuote {
  constructor(readonly column: number) {}
}

type Field = string | StrayQuote;

interface ParsedRecord {
  readonly record: readonly Field[];
  readonly info: Info;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Flags a field RFC 4180 does not allow. In relaxed mode csv-parse keeps such a field's text as it was written, so a
 * quoted field is well-formed only when the record's text so far (`raw`, which ends with the field and its delimiter)
 * ends with the field quoted and escaped again.
 */
const castField: CastingFunction = (value, context) => {
  const written = (context.raw ?? '').replace(/(,|\r\n|\r|\n)$/, '');
  const wellFormed = context.quoting ? written.endsWith(`"${value.replace(/"/g, '""')}"`) : !value.includes('"');
  return wellFormed ? value : new StrayQuote(Number(context.index) + 1);
};

/**
 * Reads a CSV file with csv-parse in one streaming pass, hashing its bytes as they go by. A UTF-8 byte order mark is
 * dropped; completely empty lines are skipped. Bytes are decoded strictly: a file that is not UTF-8 (say Windows-1252)
 * fails with a CsvEncodingError instead of importing mangled text. A malformed record (a stray quote, a quoted field
 * never closed, another number of fields than the header) becomes a row with a `problem`, so that one bad row is
 * rejected with its line and the others are read.
 */
export async function readTable(path: string): Promise<Table> {
  const file = basename(path);
  const hash = createHash('sha256');
  const rows: CsvRow[] = [];
  let columns: readonly string[] | undefined;
  let drift = 0;
  const parser = new Parser({
    bom: true,
    info: true,
    raw: true,
    // Quotes csv-parse would stop on are kept in the field and flagged by castField, so that the next record still reads.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    cast: castField,
    on_skip: (error, raw) => {
      rows.push(skippedRow(error, raw, drift));
      return undefined;
    },
  });
  try {
    await pipeline(decodedText(path, hash), parser, async (records: AsyncIterable<ParsedRecord>) => {
      for await (const { record, info } of records) {
        const texts = record.map((field) => (typeof field === 'string' ? field : ''));
        // csv-parse counts a CRLF inside a quoted field as two lines, where an editor counts one.
        drift += texts.reduce((pairs, text) => pairs + (text.match(/\r\n/g)?.length ?? 0), 0);
        const endLine = info.lines - drift;
        if (columns === undefined) columns = texts.map((name) => name.trim());
        else rows.push(dataRow(record, texts, endLine - texts.reduce((n, text) => n + lineBreaks(text), 0), columns));
      }
    });
  } catch (error) {
    if (error instanceof CsvEncodingError) throw new CsvEncodingError(`${file}: ${error.message}`);
    if (isSystemError(error)) throw new Error(`${path} cannot be read: ${fileErrorInWords(error)}`);
    throw error;
  }
  rows.sort((a, b) => a.line - b.line);
  return { file, sha256: hash.digest('hex'), columns: columns ?? [], rows };
}

/** The file's bytes as text, decoded strictly; the BOM is left in for csv-parse to drop. */
async function* decodedText(path: string, hash: Hash): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let linesBefore = 1;
  const decode = (chunk?: Buffer): string => {
    try {
      const text = chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
      linesBefore += text.split('\n').length - 1;
      return text;
    } catch {
      throw new CsvEncodingError(`the text is not UTF-8 (from line ${linesBefore + linesBeforeBadByte(chunk)})`);
    }
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    yield decode(chunk);
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

/** Line feeds of a chunk before its first byte that is not UTF-8, for the error to point at its line. */
function linesBeforeBadByte(chunk: Buffer | undefined): number {
  if (chunk === undefined) return 0;
  // Continuation bytes at the start end a character begun in the previous chunk.
  let start = 0;
  while (start < 3 && start < chunk.length && (chunk[start] & 0xc0) === 0x80) start += 1;
  const lenient = new TextDecoder('utf-8').decode(chunk.subarray(start));
  return lenient.slice(0, Math.max(0, lenient.indexOf('\ufffd'))).split('\n').length - 1;
}

function dataRow(record: readonly Field[], texts: readonly string[], line: number, columns: readonly string[]): CsvRow {
  const values = Object.fromEntries(columns.map((name, i) => [name, texts[i] ?? '']));
  const stray = record.find((field) => field instanceof StrayQuote);
  const problem =
    stray !== undefined
      ? `a stray quote in column ${stray.column} (a quote inside an unquoted field, or text after a closing quote)`
      : record.length === columns.length
        ? undefined
        : `${record.length} fields where the header has ${columns.length}`;
  return problem === undefined ? { line, values } : { line, values, problem };
}

/** A record csv-parse could not read at all: the only one left is a quoted field still open at the end of the file. */
function skippedRow(error: CsvError | undefined, raw: string | undefined, drift: number): CsvRow {
  const endLine = (typeof error?.lines === 'number' ? error.lines : 0) - drift;
  const text = (raw ?? '').replace(/(\r\n|\r|\n)$/, '');
  const problem =
    error?.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is still open at the end of the file'
      : (error?.message ?? 'unreadable record');
  return { line: Math.max(1, endLine - lineBreaks(text)), values: {}, problem };
}
