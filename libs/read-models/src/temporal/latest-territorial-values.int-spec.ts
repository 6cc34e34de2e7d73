import type { StoredEvent } from '@portfolio/event-store';
import { comptesActifs, franceconnectLaunched, idnumDefined, measured } from '../../../domain/src/testing/tech-gouv';
import { projectDetailAt } from '../queries/project-detail';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';

// Given an indicator whose national values are made from its regions (nationalFrom) and values recorded per region,
// then the project read at (at, asOf) shows the rate of their sum, as known then; a national value, once known, wins.

const TODAY = '2023-06-30';
const region = (code: string) => ({ territory: { level: 'region' as const, code } });
const byRegions = { ...comptesActifs, nationalFrom: { level: 'region' as const, aggregation: 'sum' as const } };
const launched = {
  ...franceconnectLaunched,
  data: { ...franceconnectLaunched.data, indicators: [byRegions, franceconnectLaunched.data.indicators[1]] },
};

describe.each(STORE_KINDS)('national rates made from territorial values, read on %s', (kind) => {
  let side: ReadSide;
  let log: StoredEvent[];
  const asOf = (n: number) => ({ position: log[n - 1].position });
  const comptes = async (query: { at?: string; asOf?: { position: bigint } }) => {
    const detail = await projectDetailAt(side.context, 'franceconnect', query);
    return detail.indicators.find((indicator) => indicator.indicatorId === 'comptes-actifs');
  };

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    log = await side.record([
      idnumDefined,
      launched,
      measured('comptes-actifs', 5_000_000, '2022-06-30', region('84')), // 3
      measured('comptes-actifs', 6_000_000, '2022-06-30', region('11')), // 4
      measured('comptes-actifs', 1_000_000, '2021-12-31', region('93')), // 5: an earlier period, left out
      measured('comptes-actifs', 9_000_000, '2022-06-30', { ...region('84'), supersedes: 5_000_000 }), // 6
      measured('comptes-actifs', 4_000_000, '2022-09-30', { territory: { level: 'departement', code: '75' } }), // 7
      measured('comptes-actifs', 20_000_000, '2022-12-31'), // 8: national
    ]);
  });
  afterAll(() => side.close());

  it("rates the sum of the regions' values of the latest period, as known at asOf", async () => {
    // (5 + 6 − 10) / (30 − 10) = 5 %; the restatement of region 84 makes it (9 + 6 − 10) / 20 = 25 %.
    expect((await comptes({ asOf: asOf(5) }))?.rates?.global).toMatchObject({
      percent: 5,
      uses: {
        current: {
          value: 11_000_000,
          on: '2022-06-30',
          from: 'measurements',
          aggregated: { level: 'region', aggregation: 'sum', territories: 2 },
        },
        initial: { from: 'plan' },
      },
    });
    expect((await comptes({ asOf: asOf(7) }))?.progress).toEqual({ raw: 25, shown: 25 });
    expect((await comptes({ asOf: asOf(7) }))?.nationalFrom).toEqual({ level: 'region', aggregation: 'sum' });
  });

  it('takes only the regions measured by `at`', async () => {
    // On 2022-01-01 only region 93 is known: (1 − 10) / 20 is behind the baseline.
    expect((await comptes({ at: '2022-01-01', asOf: asOf(7) }))?.rates?.global).toMatchObject({
      percent: 0,
      uses: { current: { value: 1_000_000, aggregated: { territories: 1 } } },
    });
    expect((await comptes({ at: '2021-06-30', asOf: asOf(7) }))?.progress).toBeNull();
  });

  it('takes the national value once one is known, as PILOTE aggregates only indicators without', async () => {
    expect((await comptes({ asOf: asOf(8) }))?.rates?.global?.uses.current).toEqual({
      value: 20_000_000,
      on: '2022-12-31',
      from: 'measurements',
    });
  });
});
