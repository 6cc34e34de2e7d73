import type { PortfolioDocument } from '../views/documents';
import { diffDocuments, type DocumentDiff } from './diff-documents';

/**
 * What differs between two portfolio documents: their missions and totals (their stamps differ by construction). The
 * indicators' `rates` are left out: the global rate is `progress`, which the diff names, and the values a rate used
 * are the indicator's plan and latest value, or its release's published ones, which move with it.
 */
export function comparePortfolios(before: PortfolioDocument, after: PortfolioDocument): DocumentDiff {
  return diffDocuments(comparable(before), comparable(after));
}

function comparable({ missions, totals }: PortfolioDocument) {
  return JSON.parse(
    JSON.stringify({ missions, totals }, (key, value: unknown) => (key === 'rates' ? undefined : value)),
  );
}
