import { citpJuly2021Held } from '../testing/tech-gouv';
import { evolveReviewCycle, foldReviewCycle } from './evolve-review-cycle';

describe('review cycle state', () => {
  it('starts not held', () => {
    expect(foldReviewCycle([])).toEqual({ status: 'not_held' });
  });

  it('is held, with its seal, by ReviewCycleHeld', () => {
    expect(foldReviewCycle([citpJuly2021Held])).toEqual({ status: 'held', ...citpJuly2021Held.data });
  });

  it('keeps its first seal', () => {
    const held = foldReviewCycle([citpJuly2021Held]);
    const resealed = { ...citpJuly2021Held, data: { ...citpJuly2021Held.data, eventCount: 1 } };
    expect(evolveReviewCycle(held, resealed)).toBe(held);
  });
});
