import type { ExportConsistencyProof } from '../export/export-format';
import { verifyConsistency } from '../merkle/merkle-proofs';
import type { RecordedSeal } from '../seal/seal';
import { verifySeal } from '../seal/seal-statement';
import { fail } from './export-problem';

/**
 * Checks the seals themselves, before any event: everything else is measured against their roots, so a root is only
 * used once its signature holds. `consistencyProofs` is absent for a bare NDJSON file, whose seal roots are all
 * recomputed from the events (one log, so one growing tree); a bundle must prove each seal extends the one before.
 * Returns the number of consistency proofs checked.
 */
export function checkSeals(
  seals: readonly RecordedSeal[],
  consistencyProofs: readonly ExportConsistencyProof[] | undefined,
  trustedPem: string | undefined,
): number {
  let proofsChecked = 0;
  seals.forEach((seal, i) => {
    if (trustedPem !== undefined && !verifySeal(trustedPem, seal, seal.signature)) {
      fail({
        code: 'bad_signature',
        position: seal.position,
        cycleId: seal.cycleId,
        message: `the seal of review cycle ${seal.cycleId} (sealing up to position ${seal.sealedPosition}) is not signed by the trusted key`,
      });
    }
    if (consistencyProofs === undefined || i === 0) return;
    const previous = seals[i - 1];
    const found = consistencyProofs.find((p) => p.fromCycleId === previous.cycleId && p.toCycleId === seal.cycleId);
    const where = `review cycle ${seal.cycleId} does not extend the history sealed by ${previous.cycleId}`;
    if (found === undefined) {
      fail({
        code: 'inconsistent_seals',
        position: seal.position,
        cycleId: seal.cycleId,
        message: `${where}: no consistency proof`,
      });
    }
    if (found.fromSize !== previous.eventCount || found.toSize !== seal.eventCount) {
      fail({
        code: 'inconsistent_seals',
        position: seal.position,
        cycleId: seal.cycleId,
        message: `${where}: the proof is for trees of ${found.fromSize} and ${found.toSize} events, the seals have ${previous.eventCount} and ${seal.eventCount}`,
      });
    }
    if (!verifyConsistency(previous.eventCount, seal.eventCount, previous.merkleRoot, seal.merkleRoot, found.proof)) {
      fail({
        code: 'inconsistent_seals',
        position: seal.position,
        cycleId: seal.cycleId,
        message: `${where}: the consistency proof fails`,
      });
    }
    proofsChecked += 1;
  });
  return proofsChecked;
}
