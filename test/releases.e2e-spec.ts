import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { franceConnectReviewedLaunch, idnumMission } from './support/time-travel-scenario';

// Values recorded from two Baromètre releases, then read back as published in each: the releases listed with the
// position of their last value, `asOf=barometre:<id>` reading the portfolio as that position knew it, and an unknown
// release refused as a problem that names the form.

type Json = Record<string, unknown>;

const API = '/api/v1';
const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');
const INDICATOR = 'usagers-franceconnect';

const release = (id: string) => ({ series: 'barometre', id, publishedOn: id });
const march = release('2021-03-15');
const june = release('2021-06-10');

describe.each(STORE_KINDS)('values as published in a release on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  const positions: string[] = [];

  const post = async (path: string, body: object): Promise<void> => {
    const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    positions.push(response.body.position);
  };
  const get = (path: string, query: Record<string, string> = {}) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: positions[positions.length - 1], ...query })
      .set(reviewer);
  /** FranceConnect's latest national value in the portfolio document. */
  const latestOf = (portfolio: Json) => {
    const missions = portfolio.missions as { projects: { projectId: string; indicators: Json[] }[] }[];
    const project = missions.flatMap((mission) => mission.projects).find((p) => p.projectId === 'franceconnect');
    return project?.indicators.find((indicator) => indicator.indicatorId === INDICATOR)?.latest;
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await post('/missions', idnumMission);
    await post('/projects', franceConnectReviewedLaunch);
    await post('/projects/franceconnect/measurements:batch', {
      measurements: [
        { indicatorId: INDICATOR, value: 14, period: '2019-12-31', release: march },
        { indicatorId: INDICATOR, value: 20, period: '2020-12-31', release: march },
      ],
    });
    // June restates December 2020 and adds March 2021.
    await post('/projects/franceconnect/measurements:batch', {
      measurements: [
        { indicatorId: INDICATOR, value: 21, period: '2020-12-31', release: june },
        { indicatorId: INDICATOR, value: 23, period: '2021-03-31', release: june },
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('lists the releases imported, each with the position of its last value and how many values it gave', async () => {
    const response = await get('/sources/barometre/releases');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      series: 'barometre',
      items: [
        { id: '2021-03-15', publishedOn: '2021-03-15', lastPosition: positions[2], values: 2 },
        { id: '2021-06-10', publishedOn: '2021-06-10', lastPosition: positions[3], values: 2 },
      ],
    });
  });

  it('reads the portfolio as published in the first release, and as published in the second', async () => {
    const asOfMarch = await get('/portfolio', { asOf: 'barometre:2021-03-15', at: '2021-06-30' });
    expect(asOfMarch.status).toBe(200);
    expect(asOfMarch.body.asOf.position).toBe(positions[2]);
    expect(latestOf(asOfMarch.body)).toEqual({ value: 20, period: '2020-12-31' });

    const asOfJune = await get('/portfolio', { asOf: 'barometre:2021-06-10', at: '2021-06-30' });
    expect(asOfJune.body.asOf.position).toBe(positions[3]);
    expect(latestOf(asOfJune.body)).toEqual({ value: 23, period: '2021-03-31' });
  });

  it('refuses to record a value whose release is malformed, naming the field', async () => {
    const response = await request(http)
      .post(`${API}/projects/franceconnect/measurements:batch`)
      .set(programmeOffice)
      .send({ measurements: [{ indicatorId: INDICATOR, value: 25, period: '2021-04-30', release: release('Avril') }] });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'measurements[0].release.id' })]),
    );
  });

  it('refuses a release no value was recorded from with a 400 problem naming the form, in English and French', async () => {
    const english = await get('/portfolio', { asOf: 'barometre:2021-09-01' }).set('Accept-Language', 'en');
    expect(english.status).toBe(400);
    expect(english.body).toMatchObject({
      code: 'invalid_query',
      detail: 'asOf must be a release values were recorded from: barometre:2021-09-01 is none',
      errors: [{ path: 'query.asOf' }],
    });
    const french = await get('/portfolio', { asOf: 'barometre:2021-09-01' }).set('Accept-Language', 'fr');
    expect(french.body.detail).toBe(
      'asOf doit être une publication dont des valeurs ont été enregistrées : barometre:2021-09-01 n’en est pas une',
    );
  });
});
