import { firstRefutation, unproven, verdictWithAnchors, type TrustFinding } from './trust-finding';
import type { TrustAnchors } from './trust-options';
import {
  verifyExport,
  type ExportVerification,
  type VerifyExportInput,
  type VerifyExportOptions,
} from './verify-export';

// An export verified, then held against the auditor's own anchors (pinned checkpoint, witnesses, TSA).

export interface AnchoredVerification extends ExportVerification {
  /** One finding per anchor given, in the order of checkTrust; empty when none was given. */
  readonly anchors: readonly TrustFinding[];
}

/** Every anchor left unproven, with the reason: what is said of an export that has no trailer to check them on. */
export function anchorsNotCheckable(anchors: TrustAnchors, why: string): TrustFinding[] {
  return [
    ...anchors.pins.map(() => unproven('pin', why)),
    ...anchors.witnesses.map(() => unproven('witness', why)),
    ...(anchors.tsa === undefined ? [] : [unproven('timestamp', why)]),
  ];
}

const NO_TRAILER =
  'this export has no trailer (format portfolio-ledger/export/v2): it names no checkpoint to check the anchor against';

/**
 * Verifies the export, then its trailer against `anchors`. An export the anchors cannot be checked on is at best
 * UNVERIFIED when the auditor asked for them: they asked for more than the export can show.
 */
export async function verifyAnchoredExport(
  input: VerifyExportInput,
  options: VerifyExportOptions,
  anchors: TrustAnchors,
): Promise<AnchoredVerification> {
  const result = await verifyExport(input, options);
  const findings = anchorsNotCheckable(anchors, NO_TRAILER);
  const problem = result.problem ?? firstRefutation(findings);
  return {
    ...result,
    ok: problem === undefined,
    verdict: verdictWithAnchors(result.verdict, findings),
    anchors: findings,
    ...(problem === undefined ? {} : { problem }),
  };
}
