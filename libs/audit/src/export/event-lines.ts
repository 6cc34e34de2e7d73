import type { StoredEvent } from '@portfolio/event-store';
import { csvHeader, csvLine } from './event-csv';
import { exportEventLine } from './export-format';
import type { ExportPlan } from './export-plan';
import { eventInclusionProof, exportTrailer } from './export-proofs';
import { ExportTally } from './export-tally';
import { csvTrailerLine, inclusionProofLine, trailerLine } from './export-trailer';

/** How one file of events is written: what comes before the events, each event's lines, and the trailer. */
export interface ExportLines {
  head(): string;
  event(event: StoredEvent): string;
  /** Once every event has been written: the trailer, signed now. */
  trailer(): string;
}

/**
 * events.ndjson (docs/audit-format.md §5): each event, followed in a filtered export by its inclusion proof, then the
 * trailer. Each event is shown to `see` on its way: one read serves the file and the manifest.
 */
export class NdjsonLines implements ExportLines {
  constructor(
    private readonly plan: ExportPlan,
    private readonly see?: (event: StoredEvent) => void,
    private readonly tally = new ExportTally(),
  ) {}

  head(): string {
    return '';
  }

  event(event: StoredEvent): string {
    this.see?.(event);
    this.tally.see(event);
    const line = exportEventLine(event);
    return this.plan.filtered ? line + inclusionProofLine(eventInclusionProof(this.plan.proven, event.position)) : line;
  }

  trailer(): string {
    return trailerLine(exportTrailer(this.plan.proven, this.plan, this.tally));
  }
}

/**
 * events.csv: header first, a record per event, the trailer as its last (comment) line. Written beside
 * events.ndjson, it takes that file's tally (`counted`) and leaves the counting to it.
 */
export class CsvLines implements ExportLines {
  private readonly tally: ExportTally;

  constructor(
    private readonly plan: ExportPlan,
    private readonly counted?: ExportTally,
  ) {
    this.tally = counted ?? new ExportTally();
  }

  head(): string {
    return csvHeader();
  }

  event(event: StoredEvent): string {
    if (this.counted === undefined) this.tally.see(event);
    return csvLine(event);
  }

  trailer(): string {
    return csvTrailerLine(exportTrailer(this.plan.proven, this.plan, this.tally));
  }
}

/**
 * Characters gathered before a chunk is handed on: a chunk per line made the stream machinery (and the zip's
 * deflate calls) cost more than writing the lines.
 */
export const EXPORT_CHUNK_CHARS = 64 * 1024;

/** A second file written from the same read of the events, through `write` (which waits while its sink is full). */
export interface FileBeside {
  readonly lines: ExportLines;
  write(chunk: string): Promise<void>;
}

/**
 * The plan's events read once, written as `lines` in chunks of about EXPORT_CHUNK_CHARS, and as `beside` too when
 * given: the bundle's events.ndjson and events.csv come from one pass over the log.
 */
export async function* exportChunks(plan: ExportPlan, lines: ExportLines, beside?: FileBeside): AsyncIterable<string> {
  let chunk = lines.head();
  let besideChunk = beside?.lines.head() ?? '';
  for await (const event of plan.events()) {
    chunk += lines.event(event);
    if (beside !== undefined) {
      besideChunk += beside.lines.event(event);
      if (besideChunk.length >= EXPORT_CHUNK_CHARS) {
        await beside.write(besideChunk);
        besideChunk = '';
      }
    }
    if (chunk.length >= EXPORT_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (beside !== undefined) await beside.write(besideChunk + beside.lines.trailer());
  yield chunk + lines.trailer();
}

/** events.ndjson alone. */
export function ndjsonLines(plan: ExportPlan): AsyncIterable<string> {
  return exportChunks(plan, new NdjsonLines(plan));
}

/** events.csv alone. */
export function csvLines(plan: ExportPlan): AsyncIterable<string> {
  return exportChunks(plan, new CsvLines(plan));
}
