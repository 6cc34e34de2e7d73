import type { ExportProblem } from './export-problem';
import type { ExportVerdict } from './export-verdict';

// What each of the auditor's own anchors (a pinned checkpoint, witnesses, a TSA) established about an export.

/** Which anchor a finding is about. */
export type TrustCheck = 'pin' | 'witness' | 'timestamp';

/**
 * `proven`: the anchor vouches for the export. `unproven`: nothing failed, but this export cannot show it (no
 * cosignature from that witness, no token, a filtered export): the verdict can be no better than UNVERIFIED.
 * `refuted`: the export contradicts the anchor (TAMPERED).
 */
export type TrustFinding =
  | { readonly check: TrustCheck; readonly outcome: 'proven'; readonly summary: string; readonly genTime?: Date }
  | { readonly check: TrustCheck; readonly outcome: 'unproven'; readonly reason: string }
  | { readonly check: TrustCheck; readonly outcome: 'refuted'; readonly problem: ExportProblem };

export const proven = (check: TrustCheck, summary: string): TrustFinding => ({ check, outcome: 'proven', summary });

export const unproven = (check: TrustCheck, reason: string): TrustFinding => ({ check, outcome: 'unproven', reason });

export const refuted = (check: TrustCheck, problem: ExportProblem): TrustFinding => ({
  check,
  outcome: 'refuted',
  problem,
});

/** The first problem the anchors found, if any: the export contradicts something the auditor holds. */
export function firstRefutation(findings: readonly TrustFinding[]): ExportProblem | undefined {
  for (const finding of findings) if (finding.outcome === 'refuted') return finding.problem;
  return undefined;
}

/**
 * The verdict once the anchors are counted: a tampered or unusable export stays so; a refuted anchor makes it
 * tampered; an anchor the export cannot satisfy keeps an intact export at unverified, since the auditor asked for it.
 */
export function verdictWithAnchors(verdict: ExportVerdict, findings: readonly TrustFinding[]): ExportVerdict {
  if (verdict === 'tampered' || verdict === 'unusable') return verdict;
  if (firstRefutation(findings) !== undefined) return 'tampered';
  if (findings.some((finding) => finding.outcome === 'unproven')) return 'unverified';
  return verdict;
}
