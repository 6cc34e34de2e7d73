import type { StoredEvent } from '@portfolio/event-store';
import { parseProofLine, type ExportTrailer } from '../export/export-trailer';
import { parseEventLine, positionHint } from './event-line';
import type { ExportChecker } from './export-checker';
import { fail } from './export-problem';
import { ndjsonLines, OverlongLineError } from './ndjson-lines';

// Far above any event the ledger writes; below what would strain an auditor's machine.
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface WalkOptions {
  /** Names the file in line-level problems (the bundle entry); absent for a bare NDJSON file. */
  readonly file?: string;
  readonly onProgress?: (eventsRead: number, bytesRead: number) => void;
  readonly progressEvery: number;
  /** Shown each event once the checker accepted it (the roots of a full export's first events, for pins). */
  readonly seeEvent?: (event: StoredEvent) => void;
  /** Awaited for each event once the checker accepted it: another file read in step (a bundle's events.csv). */
  readonly inStep?: (event: StoredEvent) => Promise<void>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A line that is a trailer or an inclusion proof, read; undefined for any other line (an event, or garbage). */
function proofLine(bytes: Buffer, file: string | undefined, line: number) {
  // Event lines start with their position: only lines that start otherwise are decoded twice.
  if (bytes.subarray(0, 12).toString('latin1') === '{"position":') return undefined;
  try {
    return parseProofLine(utf8.decode(bytes));
  } catch (error) {
    return fail({ code: 'malformed_event', file, line, message: `line ${line}: ${(error as Error).message}` });
  }
}

/**
 * Feeds each line of events.ndjson to the checker, in order, one at a time, and returns the trailer that must end
 * it. A file that ends without its trailer was cut; nothing may follow it.
 */
export async function walkEvents(
  chunks: AsyncIterable<Buffer>,
  checker: ExportChecker,
  options: WalkOptions,
): Promise<ExportTrailer> {
  const { file, onProgress, progressEvery } = options;
  let trailer: { readonly value: ExportTrailer; readonly line: number } | undefined;
  let bytesRead = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  try {
    for await (const line of ndjsonLines(counted(), MAX_LINE_BYTES)) {
      const position = positionHint(line.bytes);
      if (!line.terminated) {
        const after = checker.last === undefined ? 'before the first event' : `after position ${checker.last}`;
        fail({
          code: 'truncated',
          position,
          file,
          line: line.number,
          message: `the file stops in the middle of line ${line.number}, ${after}: it was cut short`,
        });
      }
      if (trailer !== undefined) {
        fail({
          code: 'after_trailer',
          file,
          line: line.number,
          message: `line ${line.number} follows the export's trailer (line ${trailer.line}), which must end it: it was added`,
        });
      }
      const other = proofLine(line.bytes, file, line.number);
      if (other?.kind === 'inclusionProof') {
        checker.acceptProof(other.proof, line.number);
        continue;
      }
      if (other?.kind === 'trailer') {
        trailer = { value: other.trailer, line: line.number };
        continue;
      }
      const parsed = parseEventLine(line.bytes);
      if ('reason' in parsed) {
        fail({
          code: 'malformed_event',
          position,
          file,
          line: line.number,
          message: `line ${line.number}: ${parsed.reason}`,
        });
      }
      checker.accept(parsed.event, line.number);
      options.seeEvent?.(parsed.event);
      if (options.inStep !== undefined) await options.inStep(parsed.event);
      if (onProgress !== undefined && checker.eventsChecked % progressEvery === 0) {
        onProgress(checker.eventsChecked, bytesRead);
      }
    }
  } catch (error) {
    if (!(error instanceof OverlongLineError)) throw error;
    fail({ code: 'malformed_event', file, line: error.line, message: `line ${error.line} is longer than any event` });
  }
  onProgress?.(checker.eventsChecked, bytesRead);
  if (trailer === undefined) {
    const after = checker.last === undefined ? 'before any event' : `after position ${checker.last}`;
    return fail({
      code: 'truncated',
      file,
      message: `the export ends without its trailer, ${after}: it was cut (or is not a v2 export)`,
    });
  }
  return trailer.value;
}
