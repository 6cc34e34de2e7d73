import type { TrustCheck, TrustFinding } from '@portfolio/audit';

// What each of the auditor's anchors established, one line each, for the report of `portfolio verify`.

const LABELS: Record<TrustCheck, string> = {
  pin: '  pinned:          ',
  witness: '  witness:         ',
  timestamp: '  time-stamp:      ',
};

/** Proven anchors say what they proved; unproven ones why not (a refuted one is the report's first problem). */
export function describeAnchors(findings: readonly TrustFinding[]): string[] {
  return findings.flatMap((finding) => {
    if (finding.outcome === 'proven') return [`${LABELS[finding.check]}${finding.summary}`];
    if (finding.outcome === 'unproven') return [`${LABELS[finding.check]}not proven: ${finding.reason}`];
    return [`${LABELS[finding.check]}REFUTED: ${finding.problem.message}`];
  });
}
