import type { ReviewCycleId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';

/** No ReviewCycleHeld yet for this cycle id. */
export interface ReviewCycleNotHeld {
  readonly status: 'not_held';
}

/** A CITP review that took place, with the seal it put on the history. */
export interface HeldReviewCycle {
  readonly status: 'held';
  readonly cycleId: ReviewCycleId;
  readonly title: string;
  readonly heldOn: IsoDate;
  readonly sealedPosition: string;
  readonly merkleRoot: string;
  readonly eventCount: number;
  readonly signature: string;
}

/** A review cycle's state, folded from its stream. */
export type ReviewCycleState = ReviewCycleNotHeld | HeldReviewCycle;

export const initialReviewCycleState: ReviewCycleState = { status: 'not_held' };
