import type { StoredEvent } from '@portfolio/event-store';
import type { ExportTrailer } from '../export/export-trailer';
import type { ExportChecker } from './export-checker';
import { fail } from './export-problem';
import type { ProvenTree } from './inclusion-proofs';
import type { PreparedLine, PreparedLines } from './prepared-line';
import { preparedLines } from './prepared-lines';

// Far above any event the ledger writes; below what would strain an auditor's machine.
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface WalkOptions {
  /** Names the file in line-level problems (the bundle entry); absent for a bare NDJSON file. */
  readonly file?: string;
  readonly onProgress?: (eventsRead: number, bytesRead: number) => void;
  readonly progressEvery: number;
  /** Shown each event once the checker accepted it (the roots of a full export's first events, for pins). */
  readonly seeEvent?: (event: Pick<StoredEvent, 'hash'>) => void;
  /**
   * Awaited for each event once the checker accepted it, with its row of events.csv as the exporter writes it:
   * another file read in step (a bundle's events.csv).
   */
  readonly inStep?: (position: string, csvRow: Buffer) => Promise<void>;
  /** Worker threads that read and hash the lines ahead of the in-order checks; 0 does it all in this thread. */
  readonly workers: number;
  /** Bytes of events.ndjson per batch handed to a worker (default: prepared-lines.ts's). */
  readonly batchBytes?: number;
  /** A filtered export's checkpoint, which its inclusion proofs lead to: the workers check them against it. */
  readonly checkpoint?: ProvenTree;
}

/**
 * Feeds each line of events.ndjson to the checker, in order, one at a time, and returns the trailer that must end
 * it. A file that ends without its trailer was cut; nothing may follow it. What each line shows alone (its form, its
 * hash, its CSV row, its inclusion proof) is read ahead, by workers when there are some; every finding is still
 * reported at its line, in file order, as if the lines were read one by one.
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
  const plan = {
    csvRows: options.inStep !== undefined,
    leafHashes: checker.recomputesRoots,
    maxLineBytes: MAX_LINE_BYTES,
    ...(options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint }),
  };
  for await (const batch of preparedLines(counted(), plan, options)) {
    const { firstLine, lines } = batch;
    for (let i = 0; i < lines.length; i += 1) {
      const line = firstLine + i;
      const prepared = lines[i];
      if (prepared.kind === 'overlong') {
        fail({ code: 'malformed_event', file, line, message: `line ${line} is longer than any event` });
      }
      if (prepared.kind === 'cut') {
        const after = checker.last === undefined ? 'before the first event' : `after position ${checker.last}`;
        fail({
          code: 'truncated',
          position: prepared.position,
          file,
          line,
          message: `the file stops in the middle of line ${line}, ${after}: it was cut short`,
        });
      }
      if (trailer !== undefined) {
        fail({
          code: 'after_trailer',
          file,
          line,
          message: `line ${line} follows the export's trailer (line ${trailer.line}), which must end it: it was added`,
        });
      }
      if (prepared.kind === 'trailer') {
        trailer = { value: prepared.trailer, line };
        continue;
      }
      await walkLine(prepared, line, checker, options, batch);
      if (prepared.kind === 'event' && onProgress !== undefined && checker.eventsChecked % progressEvery === 0) {
        onProgress(checker.eventsChecked, bytesRead);
      }
    }
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

/** An event, its proof or a malformed line, held against what came before it. */
async function walkLine(
  prepared: Exclude<PreparedLine, { kind: 'overlong' | 'cut' | 'trailer' }>,
  line: number,
  checker: ExportChecker,
  options: WalkOptions,
  { csvRows, leafHashes }: PreparedLines,
): Promise<void> {
  if (prepared.kind === 'malformed') {
    fail({
      code: 'malformed_event',
      position: prepared.position,
      file: options.file,
      line,
      message: `line ${line}: ${prepared.reason}`,
    });
  }
  if (prepared.kind === 'proof') {
    checker.acceptProof(prepared.proof, line, prepared.included);
    return;
  }
  const { event } = prepared;
  const leafHash =
    prepared.leafHash === undefined ? undefined : leafHashes?.subarray(prepared.leafHash.start, prepared.leafHash.end);
  checker.acceptHashed(event, prepared.recomputedHash, line, leafHash);
  options.seeEvent?.(event);
  if (options.inStep === undefined) return;
  if (prepared.csvRow === undefined || csvRows === undefined) {
    throw new TypeError('the events were prepared without their CSV rows');
  }
  await options.inStep(event.position.toString(), csvRows.subarray(prepared.csvRow.start, prepared.csvRow.end));
}
