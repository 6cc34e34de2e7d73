import { Inject, Injectable } from '@nestjs/common';
import { MerkleAccumulator, signSeal } from '@portfolio/audit';
import type { EventStore } from '@portfolio/event-store';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { SigningKeyService } from './signing-key.service';

/** The seal of a review cycle: the signed Merkle root of every event hash up to a position (ARCHITECTURE §8). */
export interface Seal {
  readonly sealedPosition: string;
  readonly merkleRoot: string;
  readonly eventCount: number;
  readonly signature: string;
}

@Injectable()
export class HistorySealer {
  // The log only grows: the tree of its first events is kept, and the next seal reads only what came after.
  private readonly tree = new MerkleAccumulator();
  private treePosition = 0n;
  // Seals extend one shared tree: one at a time.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: SigningKeyService,
  ) {}

  /** Seals the whole log as it stands now; the accumulator streams the hashes, so memory stays flat. */
  sealUpToHead(cycleId: string, heldOn: string): Promise<Seal> {
    const sealing = this.queue.then(() => this.seal(cycleId, heldOn));
    this.queue = sealing.catch(() => undefined);
    return sealing;
  }

  private async seal(cycleId: string, heldOn: string): Promise<Seal> {
    const head = await this.store.head();
    for await (const event of this.store.readAll({ after: this.treePosition, to: head })) {
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
    return { ...fields, signature: signSeal(this.signingKey.key, fields) };
  }
}
