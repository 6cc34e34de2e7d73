import type { StoredEvent } from '@portfolio/event-store';
import { csvHeader, csvLine } from './event-csv';
import { exportEventLine } from './export-format';
import type { ExportPlan } from './export-plan';
import { eventInclusionProof, exportTrailer } from './export-proofs';
import { ExportTally } from './export-tally';
import { csvTrailerLine, inclusionProofLine, trailerLine } from './export-trailer';

/**
 * events.ndjson, line by line (docs/audit-format.md §5): each event, followed in a filtered export by its inclusion
 * proof, then the trailer. Each event is shown to `see` on its way: one read serves the file and the manifest.
 */
export async function* ndjsonLines(plan: ExportPlan, see?: (event: StoredEvent) => void): AsyncIterable<string> {
  const tally = new ExportTally();
  for await (const event of plan.events()) {
    see?.(event);
    tally.see(event);
    yield exportEventLine(event);
    if (plan.filtered) yield inclusionProofLine(eventInclusionProof(plan.proven, event.position));
  }
  yield trailerLine(exportTrailer(plan.proven, plan, tally));
}

/** events.csv, header first, line by line, the trailer as its last (comment) line. */
export async function* csvLines(plan: ExportPlan): AsyncIterable<string> {
  const tally = new ExportTally();
  yield csvHeader();
  for await (const event of plan.events()) {
    tally.see(event);
    yield csvLine(event);
  }
  yield csvTrailerLine(exportTrailer(plan.proven, plan, tally));
}
