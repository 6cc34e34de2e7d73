import { namedChanges, type NamedChanges } from '../diff/named-changes';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import type { PortfolioDocument, TemporalStamp } from '../views/documents';
import { portfolioDocument } from '../views/portfolio-view';
import {
  cyclePoint,
  cycleSnapshot,
  cycleStamp,
  cyclesKnownAt,
  indexOfCycle,
  type ReviewCycleSummary,
} from './cycles-known-at';
import { redesignsBetween } from './named-diff';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** What changed between two review cycles, as a committee reads it, named as the diffs name it. */
export interface CycleChanges extends NamedChanges {
  /** The previous cycle's date, or null for the first cycle (then everything counts as new). */
  readonly since: string | null;
  readonly until: string;
}

export interface ReviewCycleReport extends ReviewCycleSummary {
  readonly previousCycle: { readonly cycleId: string; readonly heldOn: string } | null;
  /** The portfolio at `heldOn` as the committee knew it: up to the sealed position. */
  readonly portfolio: PortfolioDocument;
  readonly changes: CycleChanges;
}

const NOTHING: PortfolioSnapshot = { missions: [], projects: new Map() };

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
  const before = previous === undefined ? NOTHING : await cycleSnapshot(context, previous);
  const redesigns = await redesignsBetween(
    context,
    previous === undefined ? null : cyclePoint(previous),
    cyclePoint(cycle),
  );
  const since = previous?.heldOn ?? null;
  return {
    ...stamp,
    ...cycle,
    previousCycle: previous === undefined ? null : { cycleId: previous.cycleId, heldOn: previous.heldOn },
    portfolio: portfolioDocument(current, await cycleStamp(context, cycle)),
    changes: {
      since,
      until: cycle.heldOn,
      ...namedChanges(
        { snapshot: before, at: since ?? cycle.heldOn },
        { snapshot: current, at: cycle.heldOn },
        redesigns,
      ),
    },
  };
}
