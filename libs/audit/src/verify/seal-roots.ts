import { MerkleAccumulator } from '../merkle/merkle-accumulator';
import type { RecordedSeal } from '../seal/seal';
import { fail } from './export-problem';

/**
 * Recomputes each seal's Merkle root while the events stream past, for exports that hold the whole log. Only the
 * accumulator's frontier (one hash per bit of the size) is kept, whatever the number of events.
 */
export class SealRoots {
  private readonly accumulator = new MerkleAccumulator();
  private readonly sealedPositions: readonly bigint[];
  private next = 0;
  private verified = 0;

  /** `seals` in sealedPosition order. */
  constructor(private readonly seals: readonly RecordedSeal[]) {
    this.sealedPositions = seals.map((seal) => BigInt(seal.sealedPosition));
  }

  get sealsChecked(): number {
    return this.verified;
  }

  /** The tree of every event added so far: a full export's, once its last event is in. */
  get tree(): { readonly size: number; readonly root: string } {
    return { size: this.accumulator.size, root: this.accumulator.root() };
  }

  /**
   * Call before the event at `position` joins the tree. A seal of an earlier position is due now even if no event
   * sat exactly at its sealedPosition (that event was removed): the tree then lacks it, and the root says so.
   */
  before(position: bigint): void {
    while (this.next < this.seals.length && this.sealedPositions[this.next] < position) this.checkNext();
  }

  /**
   * Call with each event, in position order, once its hash is known to be its own; with that hash's leaf hash when
   * it was already taken.
   */
  add(position: bigint, hash: string, leafHash?: Buffer): void {
    if (leafHash === undefined) this.accumulator.append(hash);
    else this.accumulator.appendLeafHash(leafHash);
    while (this.next < this.seals.length && this.sealedPositions[this.next] === position) this.checkNext();
  }

  /** Seals beyond the last event are checked against the whole tree. */
  finish(): void {
    while (this.next < this.seals.length) this.checkNext();
  }

  private checkNext(): void {
    const seal = this.seals[this.next];
    this.next += 1;
    const root = this.accumulator.root();
    if (this.accumulator.size !== seal.eventCount || root !== seal.merkleRoot) {
      fail({
        code: 'merkle_mismatch',
        position: seal.position,
        cycleId: seal.cycleId,
        message:
          `review cycle ${seal.cycleId} sealed ${seal.eventCount} events up to position ${seal.sealedPosition} with ` +
          `root ${seal.merkleRoot}, but the export has ${this.accumulator.size} events there with root ${root}: ` +
          `an event at or before position ${seal.sealedPosition} was altered, removed, inserted or reordered`,
      });
    }
    this.verified += 1;
  }
}
