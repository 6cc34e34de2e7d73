import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

// The annual rate from the plan: an indicator launched with the targets of the years on the way (VCA) through the
// HTTP API shows its annual rate against the target of its value's year, and says which target it used.

const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');
const [usagers] = franceConnectLaunch.indicators;
const baseline = usagers.baseline?.value ?? 0;

describe('annual targets over HTTP', () => {
  let testApp: TestApp;
  let http: App;
  const post = (path: string, body: object) => request(http).post(`/api/v1${path}`).set(programmeOffice).send(body);

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    await post('/missions', idnumMission).expect(201);
  });
  afterAll(() => testApp.close());

  it("measures a value against its year's target, and shows the plan's annual targets", async () => {
    const annualTargets = [
      { value: baseline + 2, by: '2021-12-31' },
      { value: baseline + 1, by: '2020-12-31' },
    ];
    await post('/projects', { ...franceConnectLaunch, indicators: [{ ...usagers, annualTargets }] }).expect(201);
    const measured = await post(`/projects/franceconnect/indicators/${usagers.indicatorId}/measurements`, {
      value: baseline + 1,
      period: '2021-06-30',
    }).expect(201);
    const project = await request(http)
      .get(`/api/v1/projects/franceconnect?minPosition=${measured.body.position}`)
      .set(reviewer)
      .expect(200);
    const [indicator] = project.body.indicators;
    expect(indicator.annualTargets).toEqual([annualTargets[1], annualTargets[0]]);
    // Half of the way to 2021's target.
    expect(indicator.rates.annual).toMatchObject({
      percent: 50,
      uses: { target: { value: annualTargets[0].value, on: '2021-12-31', from: 'plan' } },
    });
    expect(indicator.rates.unavailable.annual).toBeNull();
  });

  it('refuses annual targets without a final target: 422, told in French', async () => {
    const launch = {
      ...franceConnectLaunch,
      projectId: 'proconnect',
      indicators: [{ ...usagers, target: undefined, annualTargets: [{ value: 1, by: '2021-12-31' }] }],
    };
    const refused = await post('/projects', launch).set('Accept-Language', 'fr').expect(422);
    expect(refused.body).toMatchObject({ code: 'annual_target_without_target' });
    expect(refused.body.detail).toContain('cibles annuelles');
  });
});
