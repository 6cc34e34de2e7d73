import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

// An indicator launched without a target (a monitored series) through the HTTP API: accepted, measured, and shown with
// progress "not applicable" in the project and portfolio documents alike. One store is enough: the rules are the domain's.

const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');
const demarches = { indicatorId: 'demarches-raccordees', label: 'Démarches raccordées', unit: 'démarches' };
const monitoredView = {
  ...demarches,
  direction: null,
  baseline: null,
  target: null,
  nationalFrom: null,
  annualTargets: [],
  retired: false,
  monitoredOnly: true,
  progress: null,
  rates: null,
  expectedProgress: null,
};

describe('a monitored series over HTTP', () => {
  let testApp: TestApp;
  let http: App;
  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    await request(http).post('/api/v1/missions').set(programmeOffice).send(idnumMission).expect(201);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('launches an indicator without baseline, target or direction, and shows it as monitored only', async () => {
    const launch = { ...franceConnectLaunch, indicators: [...franceConnectLaunch.indicators, demarches] };
    await request(http).post('/api/v1/projects').set(programmeOffice).send(launch).expect(201);
    const measured = await request(http)
      .post('/api/v1/projects/franceconnect/indicators/demarches-raccordees/measurements')
      .set(programmeOffice)
      .send({ ...measurementMay2021, value: 1200 })
      .expect(201);
    const latest = { value: 1200, period: measurementMay2021.period };

    const project = await request(http)
      .get(`/api/v1/projects/franceconnect?minPosition=${measured.body.position}`)
      .set(reviewer)
      .expect(200);
    const portfolio = await request(http)
      .get(`/api/v1/portfolio?minPosition=${measured.body.position}`)
      .set(reviewer)
      .expect(200);

    const inPortfolio = portfolio.body.missions[0].projects[0];
    for (const document of [project.body, inPortfolio]) {
      const indicator = document.indicators.find(
        (i: { indicatorId: string }) => i.indicatorId === 'demarches-raccordees',
      );
      expect(indicator).toEqual({ ...monitoredView, latest });
      const targeted = document.indicators.find(
        (i: { indicatorId: string }) => i.indicatorId !== 'demarches-raccordees',
      );
      expect(targeted).toMatchObject({ monitoredOnly: false, expectedProgress: expect.any(Number) });
    }
  });

  it('refuses a target without a baseline: 422 target_without_baseline, nothing appended', async () => {
    const [usagers] = franceConnectLaunch.indicators;
    const withoutBaseline = { ...usagers, baseline: undefined };
    const launch = { ...franceConnectLaunch, projectId: 'proconnect', indicators: [withoutBaseline] };
    const refused = await request(http).post('/api/v1/projects').set(programmeOffice).send(launch).expect(422);
    expect(refused.body).toMatchObject({ code: 'target_without_baseline' });
    await request(http).get('/api/v1/projects/proconnect').set(reviewer).expect(404);
  });
});
