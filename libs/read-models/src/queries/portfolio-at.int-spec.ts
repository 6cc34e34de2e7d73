import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import {
  apiParticulier,
  citp4Portfolio,
  citp5Portfolio,
  citp6Portfolio,
  dataView,
  DELAI_V2_TARGET,
  delaiView,
  fcAtCitp4,
  fcAtCitp5Restated,
  fcJuly10,
  fcJune30,
  franceconnect,
  hubee,
  hubeeAtCitp4,
  hubeeAtCitp5,
  hubeeJuly10,
  hubeeJune30,
  idnumView,
  totals,
  usagersView,
  vitamActive,
  vitamClosed,
} from '../testing/time-travel-documents';
import { portfolioDocument } from '../views/portfolio-view';
import { portfolioAt } from './portfolio-at';

describe.each(STORE_KINDS)('the portfolio at (at, asOf) on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const position = (ordinal: number) => ({ position: scenario.position(ordinal) });

  it('at CITP 4 as CITP 4 knew it (asOf = its sealed position)', async () => {
    expect(await portfolioAt(scenario.context, { at: '2019-11-15', asOf: position(10) })).toEqual(
      citp4Portfolio(scenario.recorded),
    );
  });

  it('at CITP 4 as known now: the project recorded later, but launched before, is there', async () => {
    expect(await portfolioAt(scenario.context, { at: '2019-11-15' })).toEqual({
      ...scenario.stamp('2019-11-15'),
      missions: [dataView([apiParticulier, hubeeAtCitp4, vitamActive(0)]), idnumView([fcAtCitp4])],
      totals: totals({ projects: 4, active: 4, closed: 0, green: 3, amber: 1, red: 0, reached: 1, overdue: 0 }),
    });
  });

  it('at CITP 5 as CITP 5 knew it: the value since restated is the old one', async () => {
    expect(await portfolioAt(scenario.context, { at: '2021-02-05', asOf: position(17) })).toEqual(
      citp5Portfolio(scenario.recorded),
    );
  });

  it('asOf an instant reads as the last position recorded by then; before anything, nothing is known', async () => {
    // The instant CITP 5 was recorded: the restatement came later.
    expect(
      await portfolioAt(scenario.context, { at: '2021-02-05', asOf: { instant: scenario.event(18).recordedAt } }),
    ).toEqual({
      ...citp5Portfolio(scenario.recorded),
      ...scenario.stamp('2021-02-05', 18),
    });
    // The document of an empty portfolio (see the portfolio view's spec), stamped at position 0.
    const nothing = { at: '2021-07-23', asOf: { position: '0', recordedAt: null } };
    expect(
      await portfolioAt(scenario.context, { at: '2021-07-23', asOf: { instant: '2019-01-01T00:00:00.000Z' } }),
    ).toEqual(portfolioDocument({ missions: [], projects: new Map() }, nothing));
  });

  it('at CITP 5 as known now: the restated value', async () => {
    expect(await portfolioAt(scenario.context, { at: '2021-02-05' })).toEqual({
      ...citp5Portfolio(scenario.recorded),
      ...scenario.stamp('2021-02-05'),
      missions: [dataView([apiParticulier, hubeeAtCitp5, vitamActive(1)]), idnumView([fcAtCitp5Restated])],
    });
  });

  it('on 2021-06-30: Vitam closed that day, Hubee still on its first plan', async () => {
    expect(await portfolioAt(scenario.context, { at: '2021-06-30' })).toEqual({
      ...scenario.stamp('2021-06-30'),
      missions: [dataView([apiParticulier, hubeeJune30, vitamClosed]), idnumView([fcJune30])],
      totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 0, red: 2, reached: 2, overdue: 2 }),
    });
  });

  it('on 2021-07-10: Hubee on its second plan', async () => {
    expect(await portfolioAt(scenario.context, { at: '2021-07-10' })).toEqual({
      ...scenario.stamp('2021-07-10'),
      missions: [dataView([apiParticulier, hubeeJuly10, vitamClosed]), idnumView([fcJuly10])],
      totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 1, red: 1, reached: 2, overdue: 1 }),
    });
  });

  it('filtered: only the missions with a project that matches, and the totals of those projects', async () => {
    expect(await portfolioAt(scenario.context, { at: '2021-07-10', q: 'Citizens' })).toEqual({
      ...scenario.stamp('2021-07-10'),
      missions: [dataView([apiParticulier, hubeeJuly10])],
      totals: {
        missions: 1,
        projects: 2,
        active: 2,
        closed: 0,
        completed: 0,
        abandoned: 0,
        health: { green: 1, amber: 1, red: 0 },
        milestones: { total: 1, reached: 0, reachedLate: 0, overdue: 0 },
      },
    });
    const late = await portfolioAt(scenario.context, { at: '2021-06-30', late: true, health: ['red'] });
    expect(late.missions).toEqual([dataView([hubeeJune30]), idnumView([fcJune30])]);
    expect(await portfolioAt(scenario.context, { at: '2021-06-30', q: 'blockchain' })).toMatchObject({
      missions: [],
      totals: { missions: 0, projects: 0 },
    });
  });

  it('at CITP 6 as CITP 6 knew it', async () => {
    expect(await portfolioAt(scenario.context, { at: '2021-07-23', asOf: position(23) })).toEqual(
      citp6Portfolio(scenario.recorded),
    );
  });

  it('today by default: every target date is past (expected 100 %), both active projects overdue', async () => {
    expect(await portfolioAt(scenario.context, {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      missions: [
        dataView([
          apiParticulier,
          hubee('red', 2, 1, delaiView(DELAI_V2_TARGET, { value: 18, period: '2021-06-30' }, (100 * -12) / -18, 100)),
          vitamClosed,
        ]),
        idnumView([franceconnect('red', 1, usagersView({ value: 27, period: '2021-06-30' }, 85, 100))]),
      ],
      totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 0, red: 2, reached: 2, overdue: 2 }),
    });
  });
});
