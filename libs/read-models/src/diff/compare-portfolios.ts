import type { PortfolioDocument } from '../views/documents';
import { diffDocuments, type DocumentDiff } from './diff-documents';

/** What differs between two portfolio documents: their missions and totals (their stamps differ by construction). */
export function comparePortfolios(before: PortfolioDocument, after: PortfolioDocument): DocumentDiff {
  return diffDocuments(
    JSON.parse(JSON.stringify({ missions: before.missions, totals: before.totals })),
    JSON.parse(JSON.stringify({ missions: after.missions, totals: after.totals })),
  );
}
