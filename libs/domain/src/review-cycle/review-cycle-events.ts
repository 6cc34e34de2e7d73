import type { ReviewCycleId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';

/**
 * The seal a review cycle puts on the history (ARCHITECTURE §8), computed outside the domain: the Merkle root of the
 * first `eventCount` event hashes, up to `sealedPosition` (a decimal string, positions being 64-bit), signed with the
 * instance key (`signature`, base64).
 */
export interface LogSeal {
  readonly sealedPosition: string;
  readonly merkleRoot: string;
  readonly eventCount: number;
  readonly signature: string;
}

/** A CITP review was held and sealed the history. */
export interface ReviewCycleHeld {
  readonly type: 'ReviewCycleHeld';
  readonly data: {
    readonly cycleId: ReviewCycleId;
    readonly title: string;
    readonly heldOn: IsoDate;
  } & LogSeal;
}

/** Every event of a `review-cycle-<id>` stream. */
export type ReviewCycleEvent = ReviewCycleHeld;
