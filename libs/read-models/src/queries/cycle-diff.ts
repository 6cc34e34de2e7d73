import { comparePortfolios } from '../diff/compare-portfolios';
import type { DocumentDiff } from '../diff/diff-documents';
import type { TemporalStamp } from '../views/documents';
import { portfolioDocument } from '../views/portfolio-view';
import { cycleSnapshot, cycleStamp, cyclesKnownAt, indexOfCycle, type ReviewCycleSummary } from './cycles-known-at';
import { InvalidQueryError, ReadModelNotFoundError } from './query-errors';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

export interface CycleDiffQuery extends TemporalQuery {
  /** The cycle to compare with; default the one held before. */
  readonly against?: string;
}

/** GET /review-cycles/{cycleId}/diff: what differs between two cycles' portfolios, each as its committee saw it. */
export async function cycleDiff(
  context: ReadContext,
  cycleId: string,
  query: CycleDiffQuery,
): Promise<TemporalStamp & { from: string; to: string } & DocumentDiff> {
  const { point, stamp } = await resolvePoint(context, query);
  const cycles = await cyclesKnownAt(context, point);
  const index = indexOfCycle(cycles, cycleId);
  const against = query.against === undefined ? cycles[index - 1] : cycles.find((c) => c.cycleId === query.against);
  if (against === undefined) {
    if (query.against !== undefined) throw new ReadModelNotFoundError('review_cycle', query.against);
    throw new InvalidQueryError('against', `review cycle ${cycleId} is the first: name one to compare it against`);
  }
  const from = await cyclePortfolio(context, against);
  const to = await cyclePortfolio(context, cycles[index]);
  return { ...stamp, from: against.cycleId, to: cycleId, ...comparePortfolios(from, to) };
}

async function cyclePortfolio(context: ReadContext, cycle: ReviewCycleSummary) {
  return portfolioDocument(await cycleSnapshot(context, cycle), await cycleStamp(context, cycle));
}
