import type { ReviewCycleHeld } from './review-cycle-events';

/** No ReviewCycleHeld yet for this cycle id. */
export interface ReviewCycleNotHeld {
  readonly status: 'not_held';
}

/** A CITP review that took place, with the seal it put on the history. */
export type HeldReviewCycle = { readonly status: 'held' } & ReviewCycleHeld['data'];

/** A review cycle's state, folded from its stream. */
export type ReviewCycleState = ReviewCycleNotHeld | HeldReviewCycle;

export const initialReviewCycleState: ReviewCycleState = { status: 'not_held' };
