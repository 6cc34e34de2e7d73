import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { MerkleAccumulator } from '../merkle/merkle-accumulator';
import type { Seal } from './seal';
import { signSeal } from './seal-statement';

/**
 * Seals the log for a review cycle (ARCHITECTURE §8): the Merkle root of every event hash up to the head, signed with
 * the instance's Ed25519 key. One sealer per process: it keeps the tree it has read so far.
 */
export class HistorySealer {
  // The log only grows: the tree of its first events is kept, and the next seal reads only what came after.
  private readonly tree = new MerkleAccumulator();
  private treePosition = 0n;
  // Seals extend one shared tree: one at a time.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly signingKey: KeyObject,
  ) {}

  /** Seals the whole log as it stands now; the accumulator streams the hashes, so memory stays flat. */
  sealUpToHead(cycleId: string, heldOn: string): Promise<Seal> {
    const sealing = this.queue.then(() => this.seal(cycleId, heldOn));
    this.queue = sealing.catch(() => undefined);
    return sealing;
  }

  private async seal(cycleId: string, heldOn: string): Promise<Seal> {
    const head = await this.store.head();
    for await (const event of this.store.readHashes({ after: this.treePosition, to: head })) {
      this.tree.append(event.hash);
      this.treePosition = event.position;
    }
    const fields = {
      cycleId,
      heldOn,
      sealedPosition: head.toString(),
      eventCount: this.tree.size,
      merkleRoot: this.tree.root(),
    };
    return { ...fields, signature: signSeal(this.signingKey, fields) };
  }
}
