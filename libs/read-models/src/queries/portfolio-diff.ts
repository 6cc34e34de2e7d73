import { comparePortfolios } from '../diff/compare-portfolios';
import type { DocumentDiff } from '../diff/diff-documents';
import type { TemporalStamp } from '../views/documents';
import { portfolioAt } from './portfolio-at';
import type { ReadContext } from './read-context';
import type { TemporalQuery } from './temporal-query';

/** One side of GET /diff: a point of the bi-temporal plane (each defaults as a read's would). */
export type PortfolioSide = Pick<TemporalQuery, 'at' | 'asOf'>;

export interface PortfolioDiff extends DocumentDiff {
  readonly from: TemporalStamp;
  readonly to: TemporalStamp;
}

/**
 * GET /diff: the portfolio at one (at, asOf) against another: added, removed, changed; once the read models include
 * `minPosition`, when given.
 */
export async function portfolioDiff(
  context: ReadContext,
  sides: { readonly from: PortfolioSide; readonly to: PortfolioSide } & Pick<TemporalQuery, 'minPosition'>,
): Promise<PortfolioDiff> {
  const before = await portfolioAt(context, { ...sides.from, minPosition: sides.minPosition });
  const after = await portfolioAt(context, sides.to);
  return {
    from: { at: before.at, asOf: before.asOf },
    to: { at: after.at, asOf: after.asOf },
    ...comparePortfolios(before, after),
  };
}
