import type { StoredEvent } from '@portfolio/event-store';
import { franceconnectLaunched, idnumDefined, measured } from '../../../domain/src/testing/tech-gouv';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import { InvalidQueryError } from './query-errors';
import { releaseList } from './release-list';
import { resolvePoint } from './temporal-query';

const TODAY = '2021-06-30';
const march = { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' };
const june = { series: 'barometre', id: '2021-06-10', publishedOn: '2021-06-10' };

describe.each(STORE_KINDS)('the releases values were recorded from, on %s', (kind) => {
  let side: ReadSide;
  let log: StoredEvent[];
  const pos = (n: number) => log[n - 1].position;

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    log = await side.record([
      idnumDefined,
      franceconnectLaunched,
      measured('comptes-actifs', 12_500_000, '2019-12-31', { release: march }), // 3
      measured('comptes-actifs', 20_000_000, '2020-12-31', { release: march }), // 4
      measured('comptes-actifs', 21_000_000, '2021-03-31'), // 5: a value of no release
      measured('comptes-actifs', 12_600_000, '2019-12-31', { supersedes: 12_500_000, release: june }), // 6
      measured('comptes-actifs', 2_100_000, '2020-12-31', { release: { ...june, series: 'insee' } }), // 7
    ]);
  });
  afterAll(() => side.close());

  it('lists the releases of a series in order of publication, each with its last position and its values', async () => {
    const stamp = await resolvePoint(side.context, {});
    expect(await releaseList(side.context, 'barometre', {})).toEqual({
      ...stamp.stamp,
      series: 'barometre',
      items: [
        { id: '2021-03-15', publishedOn: '2021-03-15', lastPosition: pos(4).toString(), values: 2 },
        { id: '2021-06-10', publishedOn: '2021-06-10', lastPosition: pos(6).toString(), values: 1 },
      ],
    });
    expect((await releaseList(side.context, 'insee', {})).items).toEqual([
      { id: '2021-06-10', publishedOn: '2021-06-10', lastPosition: pos(7).toString(), values: 1 },
    ]);
    expect((await releaseList(side.context, 'eurostat', {})).items).toEqual([]);
  });

  it('lists them as recorded by asOf and published by `at`', async () => {
    expect((await releaseList(side.context, 'barometre', { asOf: { position: pos(3) } })).items).toEqual([
      { id: '2021-03-15', publishedOn: '2021-03-15', lastPosition: pos(3).toString(), values: 1 },
    ]);
    expect((await releaseList(side.context, 'barometre', { at: '2021-05-31' })).items).toEqual([
      { id: '2021-03-15', publishedOn: '2021-03-15', lastPosition: pos(4).toString(), values: 2 },
    ]);
  });

  it('resolves asOf=series:id to the position of the last value recorded from that release', async () => {
    const asOfRelease = (id: string, series = 'barometre') => ({
      asOf: { release: { series, id }, parameter: 'asOf' },
    });
    expect((await resolvePoint(side.context, asOfRelease('2021-03-15'))).point.asOf).toBe(pos(4));
    expect((await resolvePoint(side.context, asOfRelease('2021-06-10'))).point.asOf).toBe(pos(6));
    expect((await resolvePoint(side.context, asOfRelease('2021-06-10', 'insee'))).point.asOf).toBe(pos(7));
  });

  it('refuses a release no value was recorded from, naming the parameter that gave it', async () => {
    const unknown = { asOf: { release: { series: 'barometre', id: '2021-09-01' }, parameter: 'toAsOf' } };
    const refusal = resolvePoint(side.context, unknown);
    await expect(refusal).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(refusal).rejects.toMatchObject({
      parameter: 'toAsOf',
      message: 'toAsOf must be a release values were recorded from: barometre:2021-09-01 is none',
      expected: { kind: 'known_release', release: 'barometre:2021-09-01' },
    });
  });
});
