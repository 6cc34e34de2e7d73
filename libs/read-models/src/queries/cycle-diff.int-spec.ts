import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { citp6AgainstCitp4, citp6AgainstCitp5 } from '../testing/time-travel-cycles';
import { citp5NamedAgainstCitp4, citp6NamedAgainstCitp5 } from '../testing/time-travel-named-changes';
import { cycleDiff, namedCycleDiff } from './cycle-diff';
import { InvalidQueryError, ReadModelNotFoundError } from './query-errors';

describe.each(STORE_KINDS)('the diff of two review cycles on %s', (kind) => {
  const scenario = givenTimeTravel(kind);

  it('compares with the cycle before by default', async () => {
    expect(await cycleDiff(scenario.context, 'citp-6', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      from: 'citp-5',
      to: 'citp-6',
      ...citp6AgainstCitp5,
    });
  });

  it('compares with the cycle named: the project CITP 4 did not know is added', async () => {
    expect(await cycleDiff(scenario.context, 'citp-6', { against: 'citp-4' })).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      from: 'citp-4',
      to: 'citp-6',
      ...citp6AgainstCitp4,
    });
  });

  it('has nothing to compare the first cycle with by default, and refuses a cycle not held', async () => {
    await expect(cycleDiff(scenario.context, 'citp-4', {})).rejects.toEqual(
      new InvalidQueryError('against', 'review cycle citp-4 is the first: name one to compare it against'),
    );
    await expect(cycleDiff(scenario.context, 'citp-6', { against: 'citp-9' })).rejects.toEqual(
      new ReadModelNotFoundError('review_cycle', 'citp-9'),
    );
    await expect(cycleDiff(scenario.context, 'citp-9', { against: 'citp-4' })).rejects.toEqual(
      new ReadModelNotFoundError('review_cycle', 'citp-9'),
    );
  });

  it('names what changed since the cycle before: a milestone reached, values moved, a health turned red', async () => {
    expect(await namedCycleDiff(scenario.context, 'citp-5', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      from: 'citp-4',
      to: 'citp-5',
      ...citp5NamedAgainstCitp4,
    });
  });

  it('names a redesign and a closure with their reasons, and why each health changed', async () => {
    expect(await namedCycleDiff(scenario.context, 'citp-6', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      from: 'citp-5',
      to: 'citp-6',
      ...citp6NamedAgainstCitp5,
    });
  });

  it('refuses to name the changes of the first cycle with nothing to compare it against', async () => {
    await expect(namedCycleDiff(scenario.context, 'citp-4', {})).rejects.toEqual(
      new InvalidQueryError('against', 'review cycle citp-4 is the first: name one to compare it against'),
    );
  });
});
