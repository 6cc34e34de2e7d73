import { loadSnapshot } from '../temporal/portfolio-snapshot';
import type { PortfolioDocument } from '../views/documents';
import { portfolioDocument } from '../views/portfolio-view';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** GET /portfolio: every mission with its projects' summaries, and totals, at (at, asOf). */
export async function portfolioAt(context: ReadContext, query: TemporalQuery): Promise<PortfolioDocument> {
  const { point, stamp } = await resolvePoint(context, query);
  return portfolioDocument(await loadSnapshot(context.db, context.projections.activeGenerationNumber, point), stamp);
}
