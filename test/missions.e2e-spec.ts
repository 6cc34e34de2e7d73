import request from 'supertest';
import type { App } from 'supertest/types';
import { fcAtCitp5, fcAtCitp5Restated } from '../libs/read-models/src/testing/time-travel-documents';
import { allEvents } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { dataMission, idnumMission, recordTimeTravelScenario } from './support/time-travel-scenario';

// The missions as a reviewer reads them over HTTP, on the time-travel scenario read at CITP 5's date, before and after
// the restatement of a value CITP 5 had seen (the reads' int-specs check the roll-ups at every point of the scenario):
// the roll-up moves with asOf, in either form the portfolio read takes, and the refusals have the HTTP shapes of the
// other reads.

type Json = Record<string, unknown>;

const API = '/api/v1';
const CITP5_DATE = '2021-02-05';

describe.each(STORE_KINDS)('missions on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  /** The last position before the restatement, and the instant it was recorded. */
  let beforeRestatement: { position: string; recordedAt: string };
  let lastPosition: string;

  const post = async (path: string, body: object, status: number): Promise<void> => {
    const response = await request(http).post(`${API}${path}`).set(bearer('programme-office')).send(body);
    if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    lastPosition = response.body.position;
  };

  const get = (path: string, query: Record<string, string> = {}, headers: object = bearer('reviewer')) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set(headers as Record<string, string>);

  const read = async (path: string, query: Record<string, string> = {}): Promise<Json> => {
    const response = await get(path, query);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await recordTimeTravelScenario(post);
    // CITP 5 is the last event before the restatement, and the scenario records the restatement at a later instant.
    const citp5Held = (await allEvents(testApp)).find(
      (event) => event.type === 'ReviewCycleHeld' && (event.data as { cycleId?: string }).cycleId === 'citp-5',
    );
    if (citp5Held === undefined) throw new Error('CITP 5 was not recorded');
    beforeRestatement = { position: citp5Held.position.toString(), recordedAt: citp5Held.recordedAt };
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  const idnumProgress = (mean: number) => ({
    missionCode: 'IDNUM',
    name: idnumMission.name,
    rollUp: expect.objectContaining({
      projects: 1,
      lateMilestones: 1,
      progress: { mean, measured: 1, notApplicable: 0, notYetMeasured: 0 },
    }),
  });

  it('lists the missions with their roll-ups; an earlier asOf, as a position or an instant, gives the earlier one', async () => {
    const dataRollUp = {
      missionCode: 'DATA',
      name: dataMission.name,
      programme: dataMission.programme,
      definedOn: dataMission.definedOn,
      description: null,
      // Hubee at 50 %, red with its milestone overdue; Vitam and API Particulier have no indicator.
      rollUp: {
        projects: 3,
        active: 3,
        closed: 0,
        completed: 0,
        abandoned: 0,
        health: { green: 2, amber: 0, red: 1 },
        milestones: { total: 2, reached: 1, reachedLate: 0, overdue: 1 },
        lateMilestones: 1,
        progress: { mean: 50, measured: 1, notApplicable: 2, notYetMeasured: 0 },
      },
    };
    const known = await read('/missions', { at: CITP5_DATE });
    expect(known).toEqual({
      at: CITP5_DATE,
      asOf: { position: lastPosition, recordedAt: expect.any(String) },
      missions: [dataRollUp, expect.objectContaining(idnumProgress(75))],
    });
    const earlier = { at: CITP5_DATE, asOf: { position: beforeRestatement.position, recordedAt: expect.any(String) } };
    const before = { ...earlier, missions: [dataRollUp, expect.objectContaining(idnumProgress(70))] };
    expect(await read('/missions', { at: CITP5_DATE, asOf: beforeRestatement.position })).toEqual(before);
    expect(await read('/missions', { at: CITP5_DATE, asOf: beforeRestatement.recordedAt })).toEqual(before);
  });

  it("gives one mission with its projects' summaries, as known then and as known now", async () => {
    const asKnown = (project: object, mean: number) => ({
      ...idnumProgress(mean),
      programme: idnumMission.programme,
      definedOn: idnumMission.definedOn,
      description: idnumMission.description,
      projects: [project],
    });
    expect(await read('/missions/IDNUM', { at: CITP5_DATE, asOf: beforeRestatement.position })).toMatchObject(
      asKnown(fcAtCitp5, 70),
    );
    expect(await read('/missions/IDNUM', { at: CITP5_DATE })).toMatchObject(asKnown(fcAtCitp5Restated, 75));
  });

  it('404 for a mission never defined, and for one not yet known at (at, asOf)', async () => {
    const notFound = (code: string) => ({
      type: 'urn:portfolio-ledger:problem:mission_not_found',
      title: 'Not Found',
      status: 404,
      detail: `mission ${code} is not known at the requested time`,
      instance: `${API}/missions/${code}`,
      code: 'mission_not_found',
    });
    for (const [code, query] of [
      ['SANTE', {}],
      ['DATA', { at: '2019-04-24' }],
    ] as const) {
      const response = await get(`/missions/${code}`, query);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFound(code) });
    }
  });

  it('400 for a query parameter the reads do not take, a bad asOf, or a code that cannot be a mission', async () => {
    const unknown = await get('/missions', { missionCode: 'IDNUM' });
    expect({ status: unknown.status, code: unknown.body.code, errors: unknown.body.errors }).toEqual({
      status: 400,
      code: 'invalid_query',
      errors: [{ path: 'query.missionCode', message: 'missionCode is not a query parameter of this endpoint' }],
    });
    const asOf = await get('/missions/IDNUM', { asOf: 'yesterday' });
    expect({ status: asOf.status, code: asOf.body.code }).toEqual({ status: 400, code: 'invalid_query' });
    const code = await get('/missions/idnum');
    expect({ status: code.status, code: code.body.code }).toEqual({ status: 400, code: 'validation_failed' });
  });

  it('lets every reader role read, and no one without credentials', async () => {
    for (const role of ['reviewer', 'auditor', 'programme-office', 'admin'] as const) {
      expect((await get('/missions', {}, bearer(role))).status).toBe(200);
      expect((await get('/missions/DATA', {}, bearer(role))).status).toBe(200);
    }
    expect((await get('/missions', {}, {})).status).toBe(401);
  });

  it('documents the query parameters both reads take', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    for (const path of ['/missions', '/missions/{missionCode}']) {
      const parameters = body.paths[`${API}${path}`].get.parameters as { name: string; in: string }[];
      expect(
        parameters
          .filter((p) => p.in === 'query')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['asOf', 'at', 'minPosition']);
    }
  });
});
