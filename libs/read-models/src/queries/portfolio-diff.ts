import { comparePortfolios } from '../diff/compare-portfolios';
import type { DocumentDiff } from '../diff/diff-documents';
import type { NamedChanges } from '../diff/named-changes';
import type { TemporalStamp } from '../views/documents';
import { namedChangesBetween } from './named-diff';
import { portfolioAt } from './portfolio-at';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** One side of GET /diff: a point of the bi-temporal plane (each defaults as a read's would). */
export type PortfolioSide = Pick<TemporalQuery, 'at' | 'asOf'>;

/** The two points a diff compares, as their documents echo them. */
export interface PointsCompared {
  readonly from: TemporalStamp;
  readonly to: TemporalStamp;
}

export interface PortfolioDiff extends PointsCompared, DocumentDiff {}

/** Both sides of GET /diff, and the position the read models must include first. */
export type PortfolioDiffSides = { readonly from: PortfolioSide; readonly to: PortfolioSide } & Pick<
  TemporalQuery,
  'minPosition'
>;

/**
 * GET /diff?format=paths: the portfolio at one (at, asOf) against another, path by path: added, removed, changed; once
 * the read models include `minPosition`, when given.
 */
export async function portfolioDiff(context: ReadContext, sides: PortfolioDiffSides): Promise<PortfolioDiff> {
  const before = await portfolioAt(context, { ...sides.from, minPosition: sides.minPosition });
  const after = await portfolioAt(context, sides.to);
  return {
    from: { at: before.at, asOf: before.asOf },
    to: { at: after.at, asOf: after.asOf },
    ...comparePortfolios(before, after),
  };
}

/**
 * GET /diff: what changed from the portfolio at one (at, asOf) to the portfolio at another, named by project, milestone
 * and indicator; once the read models include `minPosition`, when given.
 */
export async function namedPortfolioDiff(
  context: ReadContext,
  sides: PortfolioDiffSides,
): Promise<PointsCompared & NamedChanges> {
  const from = await resolvePoint(context, { ...sides.from, minPosition: sides.minPosition });
  const to = await resolvePoint(context, sides.to);
  return { from: from.stamp, to: to.stamp, ...(await namedChangesBetween(context, from.point, to.point)) };
}
