import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import {
  citp4Changes,
  citp4Cycle,
  citp5Changes,
  citp5Cycle,
  citp6Changes,
  citp6Cycle,
} from '../testing/time-travel-cycles';
import { citp4Portfolio, citp5Portfolio, citp6Portfolio } from '../testing/time-travel-documents';
import { ReadModelNotFoundError } from './query-errors';
import { reviewCycleReport } from './review-cycle-report';

describe.each(STORE_KINDS)("a review cycle's report on %s", (kind) => {
  const scenario = givenTimeTravel(kind);

  it('the first cycle counts everything as new', async () => {
    expect(await reviewCycleReport(scenario.context, 'citp-4', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      ...citp4Cycle(scenario.recorded),
      previousCycle: null,
      portfolio: citp4Portfolio(scenario.recorded),
      changes: citp4Changes,
    });
  });

  it('the portfolio as known when held, and what changed since the cycle before', async () => {
    expect(await reviewCycleReport(scenario.context, 'citp-5', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      ...citp5Cycle(scenario.recorded),
      previousCycle: { cycleId: 'citp-4', heldOn: '2019-11-15' },
      // The 24 restated to 25 after the review: the report keeps 24.
      portfolio: citp5Portfolio(scenario.recorded),
      changes: citp5Changes,
    });
    expect(await reviewCycleReport(scenario.context, 'citp-6', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      ...citp6Cycle(scenario.recorded),
      previousCycle: { cycleId: 'citp-5', heldOn: '2021-02-05' },
      portfolio: citp6Portfolio(scenario.recorded),
      changes: citp6Changes,
    });
  });

  it('refuses a cycle never held, or not recorded by `asOf`', async () => {
    await expect(reviewCycleReport(scenario.context, 'citp-9', {})).rejects.toEqual(
      new ReadModelNotFoundError('review_cycle', 'citp-9'),
    );
    await expect(
      reviewCycleReport(scenario.context, 'citp-6', { asOf: { position: scenario.position(23) } }),
    ).rejects.toEqual(new ReadModelNotFoundError('review_cycle', 'citp-6'));
  });
});
