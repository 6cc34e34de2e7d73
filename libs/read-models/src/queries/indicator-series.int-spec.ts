import { givenTimeTravel, HEAD, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { indicatorSeries, type IndicatorSeriesQuery } from './indicator-series';
import { ReadModelNotFoundError } from './query-errors';

describe.each(STORE_KINDS)("an indicator's series on %s", (kind) => {
  const scenario = givenTimeTravel(kind);

  const recordedValue = (ordinal: number, value: number, supersedes: number | null = null) => ({
    value,
    position: scenario.position(ordinal).toString(),
    recordedAt: scenario.event(ordinal).recordedAt,
    supersedes,
  });
  const once = (ordinal: number, period: string, value: number) => ({
    period,
    value,
    restated: false,
    recorded: [recordedValue(ordinal, value)],
  });
  /** The series document of FranceConnect's usagers in `territory`, stamped at `at` as known at the `ordinal`-th event. */
  const usagers = (territory: string, at: string, ordinal: number, values: object[]) => ({
    ...scenario.stamp(at, ordinal),
    projectId: 'franceconnect',
    indicatorId: 'usagers-franceconnect',
    territory,
    values,
  });
  const read = (query: IndicatorSeriesQuery) =>
    indicatorSeries(scenario.context, 'franceconnect', 'usagers-franceconnect', query);

  it('keeps both values of the restated period, the later in force (national figures by default)', async () => {
    expect(await read({})).toEqual(
      usagers('national:FR', TIME_TRAVEL_TODAY, HEAD, [
        once(6, '2019-06-30', 13),
        once(7, '2019-09-30', 15),
        once(13, '2020-06-30', 20),
        {
          period: '2020-12-31',
          value: 25,
          restated: true,
          recorded: [recordedValue(14, 24), recordedValue(19, 25, 24)],
        },
        once(22, '2021-06-30', 27),
      ]),
    );
  });

  it('as CITP 5 knew it: not restated yet', async () => {
    const national = { level: 'national', code: 'FR' } as const;
    expect(await read({ territory: national, at: '2021-02-05', asOf: { position: scenario.position(17) } })).toEqual(
      usagers('national:FR', '2021-02-05', 17, [
        once(6, '2019-06-30', 13),
        once(7, '2019-09-30', 15),
        once(13, '2020-06-30', 20),
        once(14, '2020-12-31', 24),
      ]),
    );
  });

  it('for one region', async () => {
    expect(await read({ territory: { level: 'region', code: '84' } })).toEqual(
      usagers('region:84', TIME_TRAVEL_TODAY, HEAD, [once(8, '2019-09-30', 1.6), once(15, '2020-12-31', 2.5)]),
    );
  });

  it('refuses an indicator the project does not have, and a project not known', async () => {
    await expect(indicatorSeries(scenario.context, 'franceconnect', 'usagers', {})).rejects.toEqual(
      new ReadModelNotFoundError('indicator', 'usagers'),
    );
    await expect(indicatorSeries(scenario.context, 'data-pass', 'usagers', {})).rejects.toEqual(
      new ReadModelNotFoundError('project', 'data-pass'),
    );
  });
});
