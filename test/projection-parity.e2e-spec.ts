import request from 'supertest';
import { rawStore } from './support/raw-store';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';

// Issue 17: a rebuild compares the read models it built with the live ones before it switches; asked to expect
// identical read models, it refuses to switch on a difference.

const API = '/api/v1';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(STORE_KINDS)('the parity of a projection rebuild on %s', (kind) => {
  let testApp: TestApp;
  let http: Parameters<typeof request>[0];
  const admin = bearer('admin');
  const status = async (): Promise<Json> =>
    (await request(http).get(`${API}/admin/projections`).set(admin).expect(200)).body;
  const rebuilt = async (body?: object): Promise<Json> => {
    const started = request(http).post(`${API}/admin/projections/rebuild`).set(admin);
    await (body === undefined ? started : started.send(body)).expect(202);
    for (let attempt = 0; attempt < 200; attempt++) {
      const rebuild = (await status()).rebuild as Json;
      if (rebuild.state === 'done' || rebuild.state === 'failed') return rebuild;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the rebuild did not finish');
  };
  const projectsServed = async (): Promise<string[]> => {
    const portfolio = (await request(http).get(`${API}/portfolio`).set(bearer('reviewer')).expect(200)).body as Json;
    return portfolio.missions.flatMap((mission: Json) => mission.projects.map((project: Json) => project.projectId));
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await request(http).post(`${API}/missions`).set(bearer('programme-office')).send(idnumMission).expect(201);
    const launched = await request(http)
      .post(`${API}/projects`)
      .set(bearer('programme-office'))
      .send(franceConnectLaunch)
      .expect(201);
    await request(http).get(`${API}/portfolio?minPosition=${launched.body.position}`).set(bearer('reviewer'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('reports the rebuilt read models equal to the live ones at the position where it switched', async () => {
    const rebuild = await rebuilt({ expectIdentical: true });

    expect(rebuild).toMatchObject({ generation: 2, state: 'done', position: '2', expectIdentical: true });
    expect(rebuild.parity).toEqual({
      position: '2',
      equal: true,
      documents: 4,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('given live read models an old projector got wrong, refuses to switch when asked to expect identical ones', async () => {
    // The launch recorded with a business date in the future, as a bug would have: the project drops out of today.
    const raw = rawStore(testApp);
    await raw.run("UPDATE rm_project_facts SET business_date = '2099-01-01' WHERE generation = 2");
    await raw.close();
    expect(await projectsServed()).toEqual([]);

    const refused = await rebuilt({ expectIdentical: true });

    const difference = {
      document: 'project franceconnect: ProjectLaunched at position 2',
      table: 'rm_project_facts',
      position: '2',
      live: expect.objectContaining({ business_date: '2099-01-01' }),
      rebuilt: expect.objectContaining({ business_date: franceConnectLaunch.launchedOn }),
    };
    expect(refused).toMatchObject({
      generation: 3,
      state: 'failed',
      error: expect.stringContaining('first: project franceconnect: ProjectLaunched at position 2'),
      parity: { position: '2', equal: false, differences: 1, firstDifference: difference },
    });
    // The live generation keeps serving, as it was.
    expect((await status()).projectors.map((projector: Json) => projector.generation)).toEqual([2, 2]);
    expect(await projectsServed()).toEqual([]);

    // Without the flag the difference is reported, and the rebuilt read models serve.
    const replaced = await rebuilt();
    expect(replaced).toMatchObject({ generation: 3, state: 'done', expectIdentical: false });
    expect(replaced.parity).toMatchObject({ equal: false, firstDifference: difference });
    expect(await projectsServed()).toEqual(['franceconnect']);
  });

  it('refuses a body it does not understand, and starts nothing', async () => {
    for (const body of [{ expectIdentically: true }, { expectIdentical: 'yes' }]) {
      const response = await request(http).post(`${API}/admin/projections/rebuild`).set(admin).send(body).expect(400);
      expect(response.body).toMatchObject({ errors: [{ path: expect.stringContaining('expectIdentical') }] });
    }
    await request(http).post(`${API}/admin/projections/rebuild?expectIdentical=true`).set(admin).expect(400);
    expect((await status()).rebuild).toMatchObject({ generation: 3, state: 'done' });
  });
});
