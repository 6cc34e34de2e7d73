import type { StoredEvent } from '@portfolio/event-store';
import type { ExportInclusionProof } from '../export/export-format';
import { verifyInclusion } from '../merkle/merkle-proofs';
import type { RecordedSeal } from '../seal/seal';
import { fail } from './export-problem';

function inclusionFailed(position: string, line: number, why: string): never {
  return fail({ code: 'inclusion_failed', position, line, message: `the event at position ${position} ${why}` });
}

/**
 * Walks a filtered export's inclusion proofs alongside its events: both are in position order, so one cursor does,
 * and a proof passed over without its event marks an event that was removed.
 */
export class InclusionProofs {
  private next = 0;
  private lastLeafIndex = -1;
  private verified = 0;

  constructor(
    private readonly proofs: readonly ExportInclusionProof[],
    private readonly sealsByCycleId: ReadonlyMap<string, RecordedSeal>,
  ) {}

  get proofsChecked(): number {
    return this.verified;
  }

  /** Call with each sealed event (position up to the last seal's sealedPosition), in position order. */
  check(event: StoredEvent, line: number): void {
    const position = event.position.toString();
    this.skipRemoved(event.position);
    const proof = this.proofs[this.next];
    if (proof === undefined || proof.position !== position) {
      fail({
        code: 'missing_proof',
        position,
        line,
        message: `the event at position ${position} is sealed but has no inclusion proof: nothing vouches for it`,
      });
    }
    this.next += 1;
    const failed = (why: string): never => inclusionFailed(position, line, why);
    const seal = this.sealsByCycleId.get(proof.cycleId);
    if (seal === undefined) return failed(`is proven against review cycle ${proof.cycleId}, which no seal names`);
    if (BigInt(seal.sealedPosition) < event.position) {
      failed(`is proven against review cycle ${seal.cycleId}, which sealed only up to ${seal.sealedPosition}`);
    }
    if (proof.treeSize !== seal.eventCount) {
      failed(`is proven in a tree of ${proof.treeSize} events, but ${seal.cycleId} sealed ${seal.eventCount}`);
    }
    // Leaves are the log in position order: an export's events can only skip leaves, never go back.
    if (proof.leafIndex <= this.lastLeafIndex) {
      failed(`claims leaf ${proof.leafIndex}, not after the previous event's leaf ${this.lastLeafIndex}`);
    }
    if (!verifyInclusion(event.hash, proof.leafIndex, proof.treeSize, proof.proof, seal.merkleRoot)) {
      failed(`is not in the tree sealed by ${seal.cycleId}: it was altered, or its proof was`);
    }
    this.lastLeafIndex = proof.leafIndex;
    this.verified += 1;
  }

  /** Every proof left over names an event the export should hold and does not. */
  finish(): void {
    this.skipRemoved(undefined);
  }

  private skipRemoved(before: bigint | undefined): void {
    const proof = this.proofs[this.next];
    if (proof !== undefined && (before === undefined || BigInt(proof.position) < before)) {
      fail({
        code: 'missing_event',
        position: proof.position,
        message: `the manifest proves an event at position ${proof.position}, which the export does not hold: it was removed`,
      });
    }
  }
}
