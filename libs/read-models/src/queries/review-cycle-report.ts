import type { PortfolioDocument, TemporalStamp } from '../views/documents';
import { cycleChanges, type CycleChanges } from '../views/cycle-changes';
import { portfolioDocument } from '../views/portfolio-view';
import { cycleSnapshot, cycleStamp, cyclesKnownAt, indexOfCycle, type ReviewCycleSummary } from './cycles-known-at';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

export interface ReviewCycleReport extends ReviewCycleSummary {
  readonly previousCycle: { readonly cycleId: string; readonly heldOn: string } | null;
  /** The portfolio at `heldOn` as the committee knew it: up to the sealed position. */
  readonly portfolio: PortfolioDocument;
  readonly changes: CycleChanges;
}

/** GET /review-cycles/{cycleId}: the portfolio as the committee saw it, what changed since the previous cycle. */
export async function reviewCycleReport(
  context: ReadContext,
  cycleId: string,
  query: TemporalQuery,
): Promise<TemporalStamp & ReviewCycleReport> {
  const { point, stamp } = await resolvePoint(context, query);
  const cycles = await cyclesKnownAt(context, point);
  const index = indexOfCycle(cycles, cycleId);
  const cycle = cycles[index];
  const previous = index > 0 ? cycles[index - 1] : undefined;
  const current = await cycleSnapshot(context, cycle);
  const before =
    previous === undefined ? { missions: [], projects: new Map() } : await cycleSnapshot(context, previous);
  return {
    ...stamp,
    ...cycle,
    previousCycle: previous === undefined ? null : { cycleId: previous.cycleId, heldOn: previous.heldOn },
    portfolio: portfolioDocument(current, await cycleStamp(context, cycle)),
    changes: cycleChanges(before, current, cycle.heldOn, previous?.heldOn ?? null),
  };
}
