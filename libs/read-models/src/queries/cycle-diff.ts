import { comparePortfolios } from '../diff/compare-portfolios';
import type { DocumentDiff } from '../diff/diff-documents';
import type { NamedChanges } from '../diff/named-changes';
import type { TemporalStamp } from '../views/documents';
import { portfolioDocument } from '../views/portfolio-view';
import {
  cyclePoint,
  cycleSnapshot,
  cycleStamp,
  cyclesKnownAt,
  indexOfCycle,
  type ReviewCycleSummary,
} from './cycles-known-at';
import { namedChangesBetween } from './named-diff';
import { InvalidQueryError, ReadModelNotFoundError } from './query-errors';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

export interface CycleDiffQuery extends TemporalQuery {
  /** The cycle to compare with; default the one held before. */
  readonly against?: string;
}

/** Which two cycles a diff compares, each by its id. */
export type CyclesCompared = TemporalStamp & { readonly from: string; readonly to: string };

/** GET /review-cycles/{cycleId}/diff?format=paths: what differs between two cycles' portfolios, path by path. */
export async function cycleDiff(
  context: ReadContext,
  cycleId: string,
  query: CycleDiffQuery,
): Promise<CyclesCompared & DocumentDiff> {
  const { stamp, against, cycle } = await cyclesCompared(context, cycleId, query);
  const from = await cyclePortfolio(context, against);
  const to = await cyclePortfolio(context, cycle);
  return { ...stamp, from: against.cycleId, to: cycleId, ...comparePortfolios(from, to) };
}

/**
 * GET /review-cycles/{cycleId}/diff: what changed between two cycles' portfolios, each as its committee saw it, named
 * by project, milestone and indicator.
 */
export async function namedCycleDiff(
  context: ReadContext,
  cycleId: string,
  query: CycleDiffQuery,
): Promise<CyclesCompared & NamedChanges> {
  const { stamp, against, cycle } = await cyclesCompared(context, cycleId, query);
  const changes = await namedChangesBetween(context, cyclePoint(against), cyclePoint(cycle));
  return { ...stamp, from: against.cycleId, to: cycleId, ...changes };
}

/** The cycle named and the one it is compared against (`against`, default the one held before). */
async function cyclesCompared(context: ReadContext, cycleId: string, query: CycleDiffQuery) {
  const { point, stamp } = await resolvePoint(context, query);
  const cycles = await cyclesKnownAt(context, point);
  const index = indexOfCycle(cycles, cycleId);
  const against = query.against === undefined ? cycles[index - 1] : cycles.find((c) => c.cycleId === query.against);
  if (against === undefined) {
    if (query.against !== undefined) throw new ReadModelNotFoundError('review_cycle', query.against);
    throw new InvalidQueryError('against', `review cycle ${cycleId} is the first: name one to compare it against`);
  }
  return { stamp, against, cycle: cycles[index] };
}

async function cyclePortfolio(context: ReadContext, cycle: ReviewCycleSummary) {
  return portfolioDocument(await cycleSnapshot(context, cycle), await cycleStamp(context, cycle));
}
