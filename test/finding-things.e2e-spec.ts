import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import {
  dataMission,
  franceConnectPlusReached,
  franceConnectReviewedLaunch,
  hubeeLaunch,
  idnumMission,
  vitamLaunch,
} from './support/time-travel-scenario';

// A reviewer finding things over HTTP: projects by text, colour and lateness, in the order asked for, in the list
// and in the portfolio; the milestones overdue at a date as known at a position. What each filter selects is the
// queries' int-specs' to check on every point of the time-travel scenario; here, the parameters as sent and refused.

type Json = Record<string, unknown>;

const API = '/api/v1';
const reviewer = bearer('reviewer');
const programmeOffice = bearer('programme-office');

/** No indicator measured: the colours come from the milestones alone. Due 2020-07-01, 14 days overdue on 2020-07-15. */
const egaliteLaunch = {
  projectId: 'egalite-numerique',
  missionCode: 'DATA',
  title: 'Égalité numérique',
  objective: 'Des démarches en ligne accessibles à tous les usagers',
  leadOrganisation: 'DINUM',
  launchedOn: '2019-09-01',
  milestones: [{ milestoneId: 'egalite-rgaa', title: 'Démarches conformes au RGAA', dueOn: '2020-07-01' }],
  indicators: [],
};

// On 2020-07-15, FranceConnect+ (never reached here) is 289 days overdue: red; Hubee's milestone 15 days: amber;
// Égalité numérique's 14 days: amber; Vitam's is not due yet: green.
const AT = '2020-07-15';

describe.each(STORE_KINDS)('finding things on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  let lastPosition: string;

  const post = async (path: string, body: object, status: number): Promise<string> => {
    const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body);
    if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    lastPosition = response.body.position;
    return lastPosition;
  };

  const get = (path: string, query: Record<string, string>) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set(reviewer);

  const read = async (path: string, query: Record<string, string>): Promise<Json> => {
    const response = await get(path, query);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
    return response.body;
  };

  const projectIds = async (query: Record<string, string>) =>
    ((await read('/projects', { at: AT, ...query })).items as Json[]).map((p) => p.projectId);

  const refusal = async (path: string, query: Record<string, string>) => {
    const response = await get(path, query);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return {
      status: response.status,
      code: response.body.code,
      detail: response.body.detail,
      errors: response.body.errors,
    };
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await post('/missions', idnumMission, 201);
    await post('/missions', dataMission, 201);
    await post('/projects', franceConnectReviewedLaunch, 201);
    await post('/projects', hubeeLaunch, 201);
    await post('/projects', vitamLaunch, 201);
    await post('/projects', egaliteLaunch, 201);
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  describe('projects', () => {
    it('finds a title or an objective whatever the accents and the case (q)', async () => {
      expect(await projectIds({ q: 'egalite' })).toEqual(['egalite-numerique']);
      expect(await projectIds({ q: 'DEMARCHES EN LIGNE' })).toEqual(['egalite-numerique']);
      expect(await projectIds({ q: 'Hubée' })).toEqual(['hubee']);
      expect(await projectIds({ q: 'nothing like it' })).toEqual([]);
    });

    it('narrows to some colours (health) and to the late projects (late)', async () => {
      expect(await projectIds({ health: 'red' })).toEqual(['franceconnect']);
      expect(await projectIds({ health: 'red,amber' })).toEqual(['egalite-numerique', 'franceconnect', 'hubee']);
      expect(await projectIds({ late: 'true' })).toEqual(['egalite-numerique', 'franceconnect', 'hubee']);
      expect(await projectIds({ late: 'false', missionCode: 'DATA' })).toEqual(['vitam']);
    });

    it('sorts by a key, ties by project id, and pages in that order (sort, cursor)', async () => {
      expect(await projectIds({ sort: 'health' })).toEqual(['franceconnect', 'egalite-numerique', 'hubee', 'vitam']);
      expect(await projectIds({ sort: '-launchedOn' })).toEqual([
        'egalite-numerique',
        'hubee',
        'vitam',
        'franceconnect',
      ]);
      const first = await read('/projects', { at: AT, sort: 'health', limit: '2' });
      const next = await read('/projects', { at: AT, sort: 'health', cursor: first.nextCursor as string });
      expect((next.items as Json[]).map((p) => p.projectId)).toEqual(['hubee', 'vitam']);
    });

    it('filters the portfolio the same way, its totals counting the projects shown', async () => {
      const portfolio = await read('/portfolio', { at: AT, q: 'EGALITE', health: 'amber', late: 'true' });
      expect(
        (portfolio.missions as Json[]).map((m) => [m.missionCode, (m.projects as Json[]).map((p) => p.projectId)]),
      ).toEqual([['DATA', ['egalite-numerique']]]);
      expect(portfolio.totals).toMatchObject({ missions: 1, projects: 1, health: { green: 0, amber: 1, red: 0 } });
    });

    it('refuses an unknown sort key, naming the keys it takes', async () => {
      const detail =
        'sort must be one of projectId, -projectId, title, -title, missionCode, -missionCode, launchedOn, ' +
        '-launchedOn, health, -health, overdue, -overdue';
      expect(await refusal('/projects', { sort: 'progress' })).toEqual({
        status: 400,
        code: 'invalid_query',
        detail,
        errors: [{ path: 'query.sort', message: detail }],
      });
    });

    it('refuses a colour that is not one, and a lateness that is not true or false', async () => {
      expect(await refusal('/portfolio', { health: 'red,purple' })).toMatchObject({
        status: 400,
        detail: 'health must be one of green, amber, red',
      });
      expect(await refusal('/projects', { late: 'yes' })).toMatchObject({
        status: 400,
        detail: 'late must be true or false',
      });
    });
  });

  describe('milestones', () => {
    const overdueIds = async (query: Record<string, string>) =>
      ((await read('/milestones', { overdue: 'true', ...query })).items as Json[]).map((m) => [
        m.milestoneId,
        m.overdueDays,
      ]);

    it('lists the milestones overdue at `at`, the most overdue first, with their project and days overdue', async () => {
      const page = await read('/milestones', { overdue: 'true', at: AT });
      expect(page.items).toEqual([
        {
          projectId: 'franceconnect',
          projectTitle: 'FranceConnect',
          missionCode: 'IDNUM',
          milestoneId: 'franceconnect-plus',
          title: 'FranceConnect+ with La Poste digital identity',
          dueOn: '2019-09-30',
          reachedOn: null,
          daysLate: null,
          overdueDays: 289,
        },
        expect.objectContaining({ projectId: 'hubee', milestoneId: 'hubee-ministries', overdueDays: 15 }),
        expect.objectContaining({ projectTitle: 'Égalité numérique', milestoneId: 'egalite-rgaa', overdueDays: 14 }),
      ]);
      expect(page).toMatchObject({ at: AT, nextCursor: null });
    });

    it('travels in time: what was known at asOf, as a position or an instant', async () => {
      const beforeReach = lastPosition;
      const recordedBefore = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await post('/projects/franceconnect/milestones/franceconnect-plus/reach', franceConnectPlusReached, 200);
      expect(await overdueIds({ at: '2019-11-15' })).toEqual([]);
      expect(await overdueIds({ at: '2019-11-15', asOf: beforeReach })).toEqual([['franceconnect-plus', 46]]);
      expect(await overdueIds({ at: '2019-11-15', asOf: recordedBefore })).toEqual([['franceconnect-plus', 46]]);
    });

    it('pages the list after the cursor of the previous page (limit, cursor)', async () => {
      const first = await read('/milestones', { at: AT, limit: '3' });
      expect((first.items as Json[]).map((m) => m.milestoneId)).toEqual([
        'franceconnect-plus',
        'hubee-ministries',
        'egalite-rgaa',
      ]);
      const next = await read('/milestones', { at: AT, limit: '3', cursor: first.nextCursor as string });
      expect([(next.items as Json[]).map((m) => m.milestoneId), next.nextCursor]).toEqual([
        ['vitam-saas', 'agentconnect'],
        null,
      ]);
    });

    it('refuses a misspelt parameter, naming those it takes', async () => {
      expect(await refusal('/milestones', { overdu: 'true' })).toEqual({
        status: 400,
        code: 'invalid_query',
        detail:
          'unknown query parameter "overdu": this endpoint takes only asOf, at, cursor, limit, minPosition, overdue',
        errors: [{ path: 'query.overdu', message: 'overdu is not a query parameter of this endpoint' }],
      });
      expect(await refusal('/milestones', { overdue: 'yes' })).toMatchObject({
        status: 400,
        errors: [{ path: 'query.overdue', message: 'overdue must be true or false' }],
      });
    });
  });

  it('describes the new parameters in the OpenAPI document, with their types and choices', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    const parameter = (path: string, name: string) =>
      (body.paths[`${API}${path}`].get.parameters as Json[]).find((p) => p.in === 'query' && p.name === name);
    expect(parameter('/milestones', 'overdue')).toMatchObject({ required: false, schema: { type: 'boolean' } });
    expect(parameter('/projects', 'late')).toMatchObject({ schema: { type: 'boolean' } });
    for (const path of ['/projects', '/portfolio']) {
      expect(parameter(path, 'health')).toMatchObject({
        style: 'form',
        explode: false,
        schema: { type: 'array', items: { type: 'string', enum: ['green', 'amber', 'red'] } },
      });
      expect(parameter(path, 'q')).toMatchObject({ schema: { type: 'string' } });
    }
    expect(parameter('/projects', 'sort')).toMatchObject({
      schema: { type: 'string', enum: expect.arrayContaining(['title', '-title', 'health', '-overdue']) },
    });
  });
});
