import { ProjectionRuntime } from '@portfolio/read-models';
import request from 'supertest';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

// One store is enough: the wait is the projection runtime's, the same code on both.
describe('reading your own writes with minPosition', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('waits until the read models include the position a command answered', async () => {
    const http = testApp.app.getHttpServer();
    const { body } = await request(http)
      .post('/api/v1/missions')
      .set(bearer('programme-office'))
      .send(idnumMission)
      .expect(201);
    const read = await request(http)
      .get(`/api/v1/portfolio?minPosition=${body.position}`)
      .set(bearer('reviewer'))
      .expect(200);
    expect(read.body.asOf.position).toBe(body.position);
    expect(read.body.missions.map((m: { missionCode: string }) => m.missionCode)).toEqual(['IDNUM']);
  });

  it('answers 404 on every read of a project not known at asOf: detail, history, replay and series alike', async () => {
    const http = testApp.app.getHttpServer();
    const { body: mission } = await request(http)
      .post('/api/v1/missions')
      .set(bearer('programme-office'))
      .send({ ...idnumMission, missionCode: 'IDNUM2' })
      .expect(201);
    const { body: launched } = await request(http)
      .post('/api/v1/projects')
      .set(bearer('programme-office'))
      .send({ ...franceConnectLaunch, missionCode: 'IDNUM2' })
      .expect(201);
    const base = '/api/v1/projects/franceconnect';
    for (const path of [base, `${base}/history`, `${base}/replay`, `${base}/indicators/usagers-franceconnect/series`]) {
      await request(http)
        .get(`${path}?asOf=${mission.position}&minPosition=${launched.position}`)
        .set(bearer('reviewer'))
        .expect(404);
      await request(http).get(`${path}?minPosition=${launched.position}`).set(bearer('reviewer')).expect(200);
    }
  });

  it('refuses a position beyond 64-bit integers with 400 (the hostile-input properties found a 500 on PostgreSQL)', async () => {
    const response = await request(testApp.app.getHttpServer())
      .get('/api/v1/events?after=18446744073709551616')
      .set(bearer('auditor'))
      .expect(400);
    expect(response.body).toMatchObject({ code: 'invalid_query', errors: [{ path: 'query.after' }] });
  });

  it('refuses at once a position that was never written', async () => {
    const response = await request(testApp.app.getHttpServer())
      .get('/api/v1/portfolio?minPosition=1000000')
      .set(bearer('reviewer'))
      .expect(400);
    expect(response.body).toMatchObject({ code: 'invalid_query', errors: [{ path: 'query.minPosition' }] });
  });

  it('answers 503 with Retry-After when the read models do not reach it within the bound', async () => {
    const http = testApp.app.getHttpServer();
    // Projections stopped: the next write stays unprojected.
    await testApp.app.get(ProjectionRuntime).stop();
    const { body } = await request(http)
      .post('/api/v1/missions')
      .set(bearer('programme-office'))
      .send({ ...idnumMission, missionCode: 'DATA' })
      .expect(201);
    const response = await request(http)
      .get(`/api/v1/portfolio?minPosition=${body.position}`)
      .set(bearer('reviewer'))
      .expect(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toMatchObject({ status: 503, code: 'projections_behind' });
  }, 15_000);
});
