import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

// Territorial weighting through the HTTP API: an indicator whose plan makes its national values from its regions
// (nationalFrom) is rated from their average while no national value is known, and each region a release published a
// value of is rated against its own VI and VC. One store is enough: the loaders' SQL runs on both in the read models'
// own tests.

const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');
const [usagers] = franceConnectLaunch.indicators;
const nationalFrom = { level: 'region', aggregation: 'average' };

describe('national rates made from the regions, over HTTP', () => {
  let testApp: TestApp;
  let http: App;
  const post = (path: string, body: object) => request(http).post(`/api/v1${path}`).set(programmeOffice).send(body);
  const read = async (position: string) =>
    (await request(http).get(`/api/v1/projects/franceconnect?minPosition=${position}`).set(reviewer).expect(200)).body;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    await post('/missions', idnumMission).expect(201);
  });
  afterAll(() => testApp.close());

  it('refuses a level or a way of aggregating it does not know, naming the field', async () => {
    const launch = (given: object) => ({ ...franceConnectLaunch, indicators: [{ ...usagers, nationalFrom: given }] });
    const national = await post('/projects', launch({ level: 'national', aggregation: 'sum' })).expect(400);
    expect(national.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'indicators[0].nationalFrom.level',
    ]);
    const median = await post('/projects', launch({ level: 'region', aggregation: 'median' })).expect(400);
    expect(median.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'indicators[0].nationalFrom.aggregation',
    ]);
  });

  it("rates the regions' average while no national value is known, and says so in the values it used", async () => {
    await post('/projects', { ...franceConnectLaunch, indicators: [{ ...usagers, nationalFrom }] }).expect(201);
    const region = (code: string, value: number) => ({
      indicatorId: usagers.indicatorId,
      value,
      period: '2021-06-30',
      territory: { level: 'region', code },
    });
    const batch = await post('/projects/franceconnect/measurements:batch', {
      measurements: [region('84', 2.1), region('11', 3.9)],
    }).expect(201);
    const [indicator] = (await read(batch.body.position)).indicators;
    expect(indicator.nationalFrom).toEqual(nationalFrom);
    expect(indicator.latest).toBeNull();
    expect(indicator.rates.global.uses.current).toEqual({
      value: 3,
      on: '2021-06-30',
      from: 'measurements',
      aggregated: { ...nationalFrom, territories: 2 },
    });
    expect(indicator.progress).toEqual({ raw: indicator.rates.global.raw, shown: indicator.rates.global.percent });
  });

  it('lists the rate of each region a release published a value of, against its own VI and VC', async () => {
    const published = await post('/projects/franceconnect/measurements:batch', {
      measurements: [
        {
          indicatorId: usagers.indicatorId,
          value: 3,
          period: '2021-06-30',
          territory: { level: 'region', code: '84' },
          publishedCurrent: true,
          publishedAgainst: { initial: { value: 1, on: '2019-04-30' }, target: { value: 5, by: '2022-12-31' } },
        },
      ],
    }).expect(201);
    const project = await read(published.body.position);
    expect(project.territorialRates).toEqual([
      {
        indicatorId: usagers.indicatorId,
        territory: { level: 'region', code: '84' },
        global: {
          raw: 50,
          percent: 50,
          uses: {
            initial: { value: 1, on: '2019-04-30', from: 'synthesis' },
            current: { value: 3, on: '2021-06-30', from: 'synthesis' },
            target: { value: 5, on: '2022-12-31', from: 'synthesis' },
          },
        },
        unavailable: null,
      },
    ]);
    // A published regional value now stands for region 84 in the national average: (3 alone, with VI 1 and VC 5).
    expect(project.indicators[0].rates.global.uses.current).toMatchObject({
      value: 3,
      from: 'synthesis',
      aggregated: { territories: 1 },
    });
  });
});
