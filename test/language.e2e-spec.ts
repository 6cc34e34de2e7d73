import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

// The texts people read (problems' title and detail, the history's summaries) in French unless the request's
// Accept-Language prefers English; codes and data the same in both. The language does not depend on the store.

const API = '/api/v1';
// The callers say nothing of their language, unless a test does.
const programmeOffice = { Authorization: bearer('programme-office').Authorization };
const reviewer = { Authorization: bearer('reviewer').Authorization };

describe('the language of the answers', () => {
  let testApp: TestApp;
  let http: App;
  let lastPosition: string;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    for (const [path, body] of [
      ['/missions', idnumMission],
      ['/projects', franceConnectLaunch],
      ['/projects/franceconnect/indicators/usagers-franceconnect/measurements', measurementMay2021],
    ] as const) {
      const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body).expect(201);
      lastPosition = response.body.position;
    }
  });
  afterAll(async () => {
    await testApp.close();
  });

  const read = (path: string, headers: Record<string, string> = {}) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition })
      .set({ ...reviewer, ...headers });

  describe('of a 404', () => {
    it('is French by default', async () => {
      const response = await read('/projects/data-pass').expect(404);
      expect(response.headers['content-language']).toBe('fr');
      expect(response.headers.vary).toMatch(/Accept-Language/i);
      expect(response.body).toMatchObject({
        code: 'project_not_found',
        title: 'Ressource introuvable',
        detail: 'le projet data-pass est inconnu à la date demandée',
      });
    });

    it('is English when the request prefers it', async () => {
      const response = await read('/projects/data-pass', { 'Accept-Language': 'en' }).expect(404);
      expect(response.headers['content-language']).toBe('en');
      expect(response.body).toMatchObject({
        code: 'project_not_found',
        title: 'Not Found',
        detail: 'project data-pass is not known at the requested time',
      });
    });
  });

  it('of a refusal of the domain quotes its values in French', async () => {
    const response = await request(http)
      .post(`${API}/projects`)
      .set(programmeOffice)
      .send({ ...franceConnectLaunch, projectId: 'hubee', missionCode: 'DATA' })
      .expect(404);
    expect(response.body).toMatchObject({
      code: 'mission_not_found',
      title: 'Ressource introuvable',
      detail: 'missionCode : la mission DATA n’a pas été définie',
      errors: [{ path: 'missionCode', message: 'missionCode : la mission DATA n’a pas été définie' }],
    });
  });

  describe('of a 400 for invalid fields', () => {
    const defineMission = (headers: Record<string, string> = {}) =>
      request(http)
        .post(`${API}/missions`)
        .set({ ...programmeOffice, ...headers })
        .send({ ...idnumMission, missionCode: 'DATA', definedOn: 'yesterday' });

    it('is French by default, fields and code unchanged', async () => {
      const response = await defineMission().expect(400);
      expect(response.headers['content-language']).toBe('fr');
      expect(response.body).toMatchObject({
        code: 'validation_failed',
        title: 'Requête incorrecte',
        detail: '1 champ invalide : definedOn',
        errors: [{ path: 'definedOn', message: 'definedOn doit être une date du calendrier écrite AAAA-MM-JJ' }],
      });
    });

    it('is English when the request prefers it by its q-values', async () => {
      const response = await defineMission({ 'Accept-Language': 'en;q=0.9, fr;q=0.8' }).expect(400);
      expect(response.headers['content-language']).toBe('en');
      expect(response.body).toMatchObject({
        code: 'validation_failed',
        title: 'Bad Request',
        detail: '1 invalid field: definedOn',
        errors: [{ path: 'definedOn', message: 'definedOn must be a real calendar date written YYYY-MM-DD' }],
      });
    });

    it('is French when the request accepts none of the API’s languages', async () => {
      const response = await defineMission({ 'Accept-Language': 'de' }).expect(400);
      expect(response.headers['content-language']).toBe('fr');
      expect(response.body.title).toBe('Requête incorrecte');
    });
  });

  it('is documented on the reads whose texts are for people', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    for (const path of ['/projects/{projectId}/history', '/projects/{projectId}/replay', '/events']) {
      expect(body.paths[`${API}${path}`].get.parameters).toContainEqual(
        expect.objectContaining({ name: 'Accept-Language', in: 'header', required: false }),
      );
    }
  });

  describe('of a project’s history', () => {
    it('is French by default', async () => {
      const response = await read('/projects/franceconnect/history').expect(200);
      expect(response.headers['content-language']).toBe('fr');
      expect(response.body.items.map((item: { summary: string }) => item.summary)).toEqual([
        `Projet « FranceConnect » lancé dans la mission IDNUM le ${franceConnectLaunch.launchedOn} avec 2 jalons et 1 indicateur (pilote : DINUM)`,
        'Mesure de usagers-franceconnect = 26 pour la période se terminant le 2021-05-31 (national FR), source : DINUM press kit',
      ]);
    });

    it('is English when the request asks for it, types and data unchanged', async () => {
      const french = await read('/projects/franceconnect/history').expect(200);
      const english = await read('/projects/franceconnect/history', { 'Accept-Language': 'en-GB' }).expect(200);
      expect(english.headers['content-language']).toBe('en');
      expect(english.body.items.map((item: { summary: string }) => item.summary)).toEqual([
        `Launched "FranceConnect" in mission IDNUM on ${franceConnectLaunch.launchedOn} with 2 milestones and 1 indicator (lead: DINUM)`,
        'Measured usagers-franceconnect = 26 for the period ending 2021-05-31 (national FR), source: DINUM press kit',
      ]);
      const withoutSummaries = (body: { items: object[] }) =>
        body.items.map((item) => ({ ...item, summary: undefined }));
      expect(withoutSummaries(english.body)).toEqual(withoutSummaries(french.body));
    });
  });
});
