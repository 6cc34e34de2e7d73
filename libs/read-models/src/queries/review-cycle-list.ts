import type { TemporalStamp } from '../views/documents';
import { cyclesKnownAt, type ReviewCycleSummary } from './cycles-known-at';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** GET /review-cycles: the CITP reviews held by `at` and recorded by `asOf`, with their seals. */
export async function reviewCycleList(
  context: ReadContext,
  query: TemporalQuery,
): Promise<TemporalStamp & { items: ReviewCycleSummary[] }> {
  const { point, stamp } = await resolvePoint(context, query);
  return { ...stamp, items: await cyclesKnownAt(context, point) };
}
