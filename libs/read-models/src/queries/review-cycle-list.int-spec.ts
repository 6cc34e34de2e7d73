import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { citp4Cycle, citp5Cycle, citp6Cycle } from '../testing/time-travel-cycles';
import { reviewCycleList } from './review-cycle-list';

describe.each(STORE_KINDS)('the review cycles on %s', (kind) => {
  const scenario = givenTimeTravel(kind);

  it('lists the cycles held, with their seals', async () => {
    expect(await reviewCycleList(scenario.context, {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      items: [citp4Cycle(scenario.recorded), citp5Cycle(scenario.recorded), citp6Cycle(scenario.recorded)],
    });
  });

  it('as known at asOf, and as held by `at`', async () => {
    expect(await reviewCycleList(scenario.context, { asOf: { position: scenario.position(23) } })).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY, 23),
      items: [citp4Cycle(scenario.recorded), citp5Cycle(scenario.recorded)],
    });
    expect(await reviewCycleList(scenario.context, { at: '2020-12-31' })).toEqual({
      ...scenario.stamp('2020-12-31'),
      items: [citp4Cycle(scenario.recorded)],
    });
  });
});
