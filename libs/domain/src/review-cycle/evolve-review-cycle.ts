import { assertNever } from '../shared/assert-never';
import type { ReviewCycleEvent } from './review-cycle-events';
import { initialReviewCycleState, type ReviewCycleState } from './review-cycle-state';

/** Applies one fact to a review cycle's state; a second holding (which decide never emits) changes nothing. */
export function evolveReviewCycle(state: ReviewCycleState, event: ReviewCycleEvent): ReviewCycleState {
  switch (event.type) {
    case 'ReviewCycleHeld':
      return state.status === 'not_held' ? { status: 'held', ...event.data } : state;
    default:
      return assertNever(event.type);
  }
}

export function foldReviewCycle(
  events: Iterable<ReviewCycleEvent>,
  from: ReviewCycleState = initialReviewCycleState,
): ReviewCycleState {
  let state = from;
  for (const event of events) state = evolveReviewCycle(state, event);
  return state;
}
