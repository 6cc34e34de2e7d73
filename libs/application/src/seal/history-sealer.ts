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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: SigningKeyService,
  ) {}

  /** Seals the whole log as it stands now; the accumulator streams the hashes, so memory stays flat. */
  async sealUpToHead(cycleId: string, heldOn: string): Promise<Seal> {
    const head = await this.store.head();
    const tree = new MerkleAccumulator();
    for await (const event of this.store.readAll({ to: head })) tree.append(event.hash);
    const fields = {
      cycleId,
      heldOn,
      sealedPosition: head.toString(),
      eventCount: tree.size,
      merkleRoot: tree.root(),
    };
    return { ...fields, signature: signSeal(this.signingKey.key, fields) };
  }
}
