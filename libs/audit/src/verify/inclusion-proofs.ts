import type { StoredEvent } from '@portfolio/event-store';
import { hexHashes, type EventInclusionProof } from '../export/export-trailer';
import { verifyInclusion } from '../merkle/merkle-proofs';
import { fail } from './export-problem';

/** The checkpoint a filtered export's events are proven against: its size and root (lowercase hex). */
export interface ProvenTree {
  readonly size: number;
  readonly root: string;
}

/** An inclusion proof already checked (by a worker) against the hash of the event on the line before it. */
export interface PrecheckedInclusion {
  readonly forHash: string;
  readonly holds: boolean;
}

/**
 * Checks a filtered export's inclusion proofs, each on the line right after its event: every event must have one,
 * placing its hash in the trailer's checkpoint, at a leaf after the previous event's (the log is in position order).
 */
export class InclusionProofs {
  private pending: { readonly event: Pick<StoredEvent, 'position' | 'hash'>; readonly line: number } | undefined;
  private lastLeafIndex = -1;
  private verified = 0;

  constructor(
    private readonly tree: ProvenTree,
    private readonly file: string | undefined,
  ) {}

  get proofsChecked(): number {
    return this.verified;
  }

  /** Call with each event: the line after it must be its proof. */
  event(event: Pick<StoredEvent, 'position' | 'hash'>, line: number): void {
    this.expectNoPending();
    this.pending = { event, line };
  }

  /** `prechecked` is used only when it was checked against the very event this proof follows. */
  proof(proof: EventInclusionProof, line: number, prechecked?: PrecheckedInclusion): void {
    const pending = this.pending;
    if (pending === undefined) {
      fail({
        code: 'malformed_event',
        file: this.file,
        line,
        message: `line ${line}: an inclusion proof that follows no event`,
      });
    }
    this.pending = undefined;
    const position = pending.event.position.toString();
    const failed = (why: string): never =>
      fail({
        code: 'inclusion_failed',
        file: this.file,
        position,
        line,
        message: `the event at position ${position} ${why}`,
      });
    // Leaves are the log in position order: an export's events can only skip leaves, never go back.
    if (proof.leafIndex <= this.lastLeafIndex) {
      failed(`claims leaf ${proof.leafIndex}, not after the previous event's leaf ${this.lastLeafIndex}`);
    }
    const { size, root } = this.tree;
    const holds =
      prechecked !== undefined && prechecked.forHash === pending.event.hash
        ? prechecked.holds
        : verifyInclusion(pending.event.hash, proof.leafIndex, size, hexHashes(proof.proof), root);
    if (!holds) {
      failed(`is not in the log the checkpoint signs (${size} events): it was altered, or its proof was`);
    }
    this.lastLeafIndex = proof.leafIndex;
    this.verified += 1;
  }

  /** At the trailer: the last event needs its proof too. */
  finish(): void {
    this.expectNoPending();
  }

  private expectNoPending(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    const position = pending.event.position.toString();
    fail({
      code: 'missing_proof',
      file: this.file,
      position,
      line: pending.line,
      message: `the event at position ${position} has no inclusion proof: nothing vouches for it`,
    });
  }
}
