import request from 'supertest';
import type { App } from 'supertest/types';
import { allEvents, storeOf } from './support/store-probe';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

/**
 * What a request may carry besides valid values (issue 15): text without control characters, bidirectional overrides
 * or lone surrogates; only the query parameters its endpoint takes; recorded headers of printable ASCII. The refusals
 * happen before any store is written or read: one store is enough.
 */

const programmeOffice = bearer('programme-office');
const PROBLEM_JSON = /^application\/problem\+json/;
const measurements = '/api/v1/projects/franceconnect/indicators/usagers-franceconnect/measurements';

describe('input strictness', () => {
  let testApp: TestApp;
  let http: App;

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    await request(http).post('/api/v1/missions').set(programmeOffice).send(idnumMission).expect(201);
    await request(http).post('/api/v1/projects').set(programmeOffice).send(franceConnectLaunch).expect(201);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Sends the request and expects a 400 problem with this code, naming these paths; the log must not move. */
  async function expectRefused(send: () => request.Test, code: string, paths: readonly string[]) {
    const before = await storeOf(testApp).head();
    const response = await send();
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code });
    expect((response.body.errors as { path: string }[]).map((error) => error.path)).toEqual(paths);
    expect(await storeOf(testApp).head()).toBe(before);
    return response.body as { detail: string; errors: { path: string; message: string }[] };
  }

  describe('text fields', () => {
    const post = (path: string, body: object) => () => request(http).post(path).set(programmeOffice).send(body);

    it.each([
      ['NUL', '\u0000'],
      ['an escape sequence', '\u001b[2J'],
      ['a right-to-left override', '\u202e'],
      ['a first-strong isolate', '\u2068'],
      ['a lone surrogate', '\ud800'],
      ['a C1 control', '\u0085'],
    ])('refuse %s with invalid_characters, naming the field', async (_, characters) => {
      const body = await expectRefused(
        post('/api/v1/missions', { ...idnumMission, missionCode: 'DATA', name: `Données ${characters}` }),
        'invalid_characters',
        ['name'],
      );
      expect(body.detail).toMatch(/^name holds U\+[0-9A-F]{4}, .* at offset 8/);
    });

    it('name the nested field at fault: a milestone title, an item of a batch', async () => {
      const milestones = [{ ...franceConnectLaunch.milestones[0], title: 'Franceconnect+\u202e' }];
      await expectRefused(
        post('/api/v1/projects', { ...franceConnectLaunch, projectId: 'proconnect', milestones }),
        'invalid_characters',
        ['milestones[0].title'],
      );
      await expectRefused(post(measurements, { ...measurementMay2021, source: 'DINUM\u0000' }), 'invalid_characters', [
        'source',
      ]);
      const batch = [{ indicatorId: 'usagers-franceconnect', value: 27, period: '2021-06-30', source: 'DINUM\ud83d' }];
      await expectRefused(
        post('/api/v1/projects/franceconnect/measurements:batch', { measurements: batch }),
        'invalid_characters',
        ['measurements[0].source'],
      );
    });

    it('keep tabs, line feeds and CRLF in long text, and refuse them in a title', async () => {
      const source = 'DINUM, dossier de presse :\r\n\t- comptes actifs\n\t- usagers';
      await request(http)
        .post(measurements)
        .set(programmeOffice)
        .send({ ...measurementMay2021, source })
        .expect(201);
      const [last] = (await allEvents(testApp)).slice(-1);
      expect(last.data).toMatchObject({ source });
      await expectRefused(
        post('/api/v1/missions', { ...idnumMission, missionCode: 'DATA', name: 'Données\npubliques' }),
        'invalid_characters',
        ['name'],
      );
    });
  });

  describe('recorded headers', () => {
    // Node's HTTP parser refuses most control characters in a header before the service sees it; a tab and bytes past
    // ASCII (read as Latin-1: here the UTF-8 bytes of U+202E) do reach it.
    const RIGHT_TO_LEFT_OVERRIDE_BYTES = Buffer.from('\u202e', 'utf8').toString('latin1');

    it.each([
      ['X-Correlation-Id', `corr${RIGHT_TO_LEFT_OVERRIDE_BYTES}42`],
      ['X-Correlation-Id', 'corr\t42'],
      ['X-Correlation-Id', 'x'.repeat(129)],
      ['Idempotency-Key', `key${RIGHT_TO_LEFT_OVERRIDE_BYTES}`],
      ['Idempotency-Key', 'key\t1'],
    ])('refuse a %s of anything but 1 to 128 printable ASCII characters (%j)', async (name, value) => {
      const body = await expectRefused(
        () =>
          request(http)
            .post(measurements)
            .set({ ...programmeOffice, [name]: value })
            .send({ ...measurementMay2021, period: '2021-04-30' }),
        'validation_failed',
        [`headers.${name}`],
      );
      expect(body.errors[0].message).toBe(`${name} must be 1 to 128 printable ASCII characters`);
    });

    it('record a printable X-Correlation-Id as sent', async () => {
      await request(http)
        .post(measurements)
        .set({ ...programmeOffice, 'X-Correlation-Id': 'ticket-4242' })
        .send({ ...measurementMay2021, period: '2021-03-31' })
        .expect(201);
      const [last] = (await allEvents(testApp)).slice(-1);
      expect(last.metadata).toMatchObject({ correlationId: 'ticket-4242' });
    });
  });

  describe('query parameters', () => {
    const get =
      (path: string, role: 'reviewer' | 'auditor' = 'auditor') =>
      () =>
        request(http).get(path).set(bearer(role));

    it.each([
      [
        'a read',
        '/api/v1/portfolio?at=2021-06-30&asof=3',
        ['asof'],
        'takes only asOf, at, health, late, minPosition, q',
      ],
      [
        'the audit log, a misspelt filter',
        '/api/v1/events?projetId=franceconnect',
        ['projetId'],
        'takes only actor, after, fromPosition, limit',
      ],
      [
        'an export',
        '/api/v1/audit/export?format=csv&formats=csv',
        ['formats'],
        'takes only actor, format, fromPosition, minPosition',
      ],
      ['a proof', '/api/v1/audit/proofs/consistency?from=1&to=2&x=1&y=2', ['x', 'y'], 'takes only from, to'],
      ['a route without any', '/api/v1/audit/public-key?kid=1', ['kid'], 'takes no query parameter'],
      ['a public route', '/health/live?verbose=1', ['verbose'], 'takes no query parameter'],
      ['a prototype key', '/api/v1/projects?__proto__=x&constructor=y', ['__proto__', 'constructor'], 'takes only'],
    ])('refuse on %s those it does not take, naming each', async (_, path, names, takes) => {
      const body = await expectRefused(
        get(path),
        'invalid_query',
        names.map((name) => `query.${name}`),
      );
      expect(body.detail).toContain(takes);
      expect(body.errors[0].message).toBe(`${names[0]} is not a query parameter of this endpoint`);
    });

    it('refuse them on a command too, which then appends nothing', async () => {
      await expectRefused(
        () =>
          request(http)
            .post(`${measurements}?dryRun=true`)
            .set(programmeOffice)
            .send({ ...measurementMay2021, period: '2021-02-28' }),
        'invalid_query',
        ['query.dryRun'],
      );
    });

    it('answer 401 before looking at the query of a caller without credentials', async () => {
      await request(http).get('/api/v1/events?projetId=x').expect(401);
    });

    it('accept every parameter an endpoint declares', async () => {
      await request(http)
        .get('/api/v1/events?limit=1&after=0&type=ProjectLaunched&projectId=franceconnect&missionCode=IDNUM')
        .set(bearer('auditor'))
        .expect(200);
      await request(http).get('/api/v1/audit/checkpoints?after=0&limit=1').set(bearer('auditor')).expect(200);
      await request(http)
        .get('/api/v1/diff?fromAt=2021-01-01&toAt=2021-06-30&minPosition=1')
        .set(bearer('reviewer'))
        .expect(200);
    });
  });

  it('pages /events from fromPosition, up to toPosition', async () => {
    const positions = async (query: string) => {
      const { body } = await request(http).get(`/api/v1/events?${query}`).set(bearer('auditor')).expect(200);
      return (body.items as { position: string }[]).map((item) => item.position);
    };
    const every = await positions('');
    expect(every.length).toBeGreaterThan(3);
    expect(await positions(`fromPosition=${every[2]}`)).toEqual(every.slice(2));
    expect(await positions(`fromPosition=${every[1]}&toPosition=${every[2]}`)).toEqual(every.slice(1, 3));
    expect(await positions(`fromPosition=${every[1]}&after=${every[2]}`)).toEqual(every.slice(3));
  });
});
