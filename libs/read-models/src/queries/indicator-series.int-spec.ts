import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import { stampAt } from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { indicatorSeries } from './indicator-series';
import { ReadModelNotFoundError } from './query-errors';

const TODAY = '2024-03-15';

describe.each(STORE_KINDS)("an indicator's series on %s", (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];

  const recordedValue = (ordinal: number, value: number, supersedes: number | null = null) => ({
    value,
    position: recorded[ordinal - 1].position.toString(),
    recordedAt: recorded[ordinal - 1].recordedAt,
    supersedes,
  });
  const once = (ordinal: number, period: string, value: number) => ({
    period,
    value,
    restated: false,
    recorded: [recordedValue(ordinal, value)],
  });
  const usagers = (territory: { level: 'national' | 'region'; code: string }, query = {}) =>
    indicatorSeries(side.context, 'franceconnect', 'usagers-franceconnect', { territory, ...query });

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('keeps both values of the restated period, the later in force (national figures by default)', async () => {
    expect(await indicatorSeries(side.context, 'franceconnect', 'usagers-franceconnect', {})).toEqual({
      ...stampAt(recorded, TODAY, 24),
      projectId: 'franceconnect',
      indicatorId: 'usagers-franceconnect',
      territory: 'national:FR',
      values: [
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
      ],
    });
  });

  it('as CITP 5 knew it: not restated yet', async () => {
    const citp5 = { at: '2021-02-05', asOf: { position: recorded[16].position } };
    expect(await usagers({ level: 'national', code: 'FR' }, citp5)).toEqual({
      ...stampAt(recorded, '2021-02-05', 17),
      projectId: 'franceconnect',
      indicatorId: 'usagers-franceconnect',
      territory: 'national:FR',
      values: [
        once(6, '2019-06-30', 13),
        once(7, '2019-09-30', 15),
        once(13, '2020-06-30', 20),
        once(14, '2020-12-31', 24),
      ],
    });
  });

  it('for one region', async () => {
    expect(await usagers({ level: 'region', code: '84' })).toEqual({
      ...stampAt(recorded, TODAY, 24),
      projectId: 'franceconnect',
      indicatorId: 'usagers-franceconnect',
      territory: 'region:84',
      values: [once(8, '2019-09-30', 1.6), once(15, '2020-12-31', 2.5)],
    });
  });

  it('refuses an indicator the project does not have, and a project not known', async () => {
    await expect(indicatorSeries(side.context, 'franceconnect', 'usagers', {})).rejects.toEqual(
      new ReadModelNotFoundError('indicator', 'usagers'),
    );
    await expect(indicatorSeries(side.context, 'data-pass', 'usagers', {})).rejects.toEqual(
      new ReadModelNotFoundError('project', 'data-pass'),
    );
  });
});
