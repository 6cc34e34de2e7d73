import { createHash } from 'node:crypto';
import type { StoredEvent } from '@portfolio/event-store';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  citp4Changes,
  citp4Cycle,
  citp5Changes,
  citp5Cycle,
  citp6AgainstCitp4,
  citp6AgainstCitp5,
  citp6Changes,
  citp6Cycle,
} from '../libs/read-models/src/testing/time-travel-cycles';
import {
  citp4Portfolio,
  citp5Portfolio,
  citp6Portfolio,
  restatementChanges,
  stampAt,
} from '../libs/read-models/src/testing/time-travel-documents';
import { citp6NamedAgainstCitp5 } from '../libs/read-models/src/testing/time-travel-named-changes';
import { reviewHeld, TIME_TRAVEL_CHAPTERS } from '../libs/read-models/src/testing/time-travel-scenario';
import { revealedEvents } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, TOKENS, type TestApp } from './support/test-app';
import { recordTimeTravelScenario } from './support/time-travel-scenario';

// One scenario, recorded once per store through the HTTP API, then read back by a reviewer over HTTP. The scenario's
// events and every figure of its documents are the read side's own test fixtures (libs/read-models/src/testing/): the
// reads' int-specs check each read at every point of the bi-temporal plane on both stores. Here: that the API records
// exactly those events, a reviewer's walk through CITP 4 → 5 → 6, the refusals' HTTP shapes, access, the OpenAPI
// description of the reads, and that a rebuild serves the same documents.

type Json = Record<string, unknown>;

const API = '/api/v1';
const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');
const HEAD = 24;

const todayInParis = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

const actor = {
  id: `token:programme-office:${createHash('sha256').update(TOKENS['programme-office']).digest('hex').slice(0, 12)}`,
  name: 'API token (programme-office)',
  role: 'programme-office',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(STORE_KINDS)('time travel on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  let events: StoredEvent[];
  /** The position of the last command: every read waits for the projections to reach it. */
  let lastPosition: string;

  const ev = (n: number): StoredEvent => events[n - 1];
  const pos = (n: number): string => ev(n).position.toString();
  const rec = (n: number): string => ev(n).recordedAt;
  const stamp = (at: string, n: number) => stampAt(events, at, n);

  const post = async (path: string, body: object, status: number): Promise<void> => {
    const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body);
    if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    lastPosition = response.body.position;
  };

  const get = (path: string, query: Record<string, string> = {}, headers: object = reviewer) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set(headers as Record<string, string>);

  /** A read that must succeed: its body. */
  const read = async (path: string, query: Record<string, string> = {}): Promise<Json> => {
    const response = await get(path, query);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await recordTimeTravelScenario(post);
    events = await revealedEvents(testApp);
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it("records exactly the events the read side's tests are given, each by the caller", () => {
    // The reviews' seals cover every event before them; their roots and signatures are the instance's own.
    const expected: object[] = [];
    for (const chapter of TIME_TRAVEL_CHAPTERS) {
      expected.push(...chapter.events);
      if ('review' in chapter) {
        const { merkleRoot, signature } = ev(expected.length + 1).data as { merkleRoot: string; signature: string };
        expected.push(reviewHeld(chapter.review, events.slice(0, expected.length), { merkleRoot, signature }));
      }
    }
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual(expected);
    expect(events.map((e) => e.metadata.actor)).toEqual(events.map(() => actor));
    expect(lastPosition).toBe(pos(HEAD));
    // Distinct instants around the reviews and the restatement, so that an ISO asOf resolves to exactly one side.
    expect([rec(11) < rec(12), rec(18) < rec(19), rec(19) < rec(20)]).toEqual([true, true, true]);
  });

  // ---- A reviewer walking CITP 4 → 5 → 6 --------------------------------------------------------------------------

  describe('a reviewer walking CITP 4 → 5 → 6', () => {
    it('lists the reviews held, with their seals, as of today by default', async () => {
      expect(await read('/review-cycles')).toEqual({
        ...stamp(todayInParis(), HEAD),
        items: [citp4Cycle(events), citp5Cycle(events), citp6Cycle(events)],
      });
    });

    it('reads each review: the portfolio as its committee knew it, and what changed since the one before', async () => {
      const walk = [
        { cycle: citp4Cycle, portfolio: citp4Portfolio, previousCycle: null, changes: citp4Changes },
        {
          cycle: citp5Cycle,
          portfolio: citp5Portfolio,
          previousCycle: { cycleId: 'citp-4', heldOn: '2019-11-15' },
          changes: citp5Changes,
        },
        {
          cycle: citp6Cycle,
          portfolio: citp6Portfolio,
          previousCycle: { cycleId: 'citp-5', heldOn: '2021-02-05' },
          changes: citp6Changes,
        },
      ];
      for (const { cycle, portfolio, previousCycle, changes } of walk) {
        const held = cycle(events);
        expect(await read('/portfolio', { at: held.heldOn, asOf: held.seal.sealedPosition })).toEqual(
          portfolio(events),
        );
        expect(await read(`/review-cycles/${held.cycleId}`)).toEqual({
          ...stamp(todayInParis(), HEAD),
          ...held,
          previousCycle,
          portfolio: portfolio(events),
          changes,
        });
      }
    });

    it('names what changed from CITP 5 to CITP 6: the redesign and the closure with their reasons', async () => {
      expect(await read('/review-cycles/citp-6/diff')).toEqual({
        ...stamp(todayInParis(), HEAD),
        from: 'citp-5',
        to: 'citp-6',
        ...citp6NamedAgainstCitp5,
      });
    });

    it('compares CITP 6 path by path with the review before it, then with CITP 4', async () => {
      expect(await read('/review-cycles/citp-6/diff', { format: 'paths' })).toEqual({
        ...stamp(todayInParis(), HEAD),
        from: 'citp-5',
        to: 'citp-6',
        ...citp6AgainstCitp5,
      });
      expect(await read('/review-cycles/citp-6/diff', { against: 'citp-4', format: 'paths' })).toEqual({
        ...stamp(todayInParis(), HEAD),
        from: 'citp-4',
        to: 'citp-6',
        ...citp6AgainstCitp4,
      });
    });

    it('finds the value restated after CITP 5: both in the series, and what it moved (asOf as instants)', async () => {
      const series = await read('/projects/franceconnect/indicators/usagers-franceconnect/series', {
        at: '2021-02-05',
      });
      expect((series.values as Json[]).find((value) => value.period === '2020-12-31')).toEqual({
        period: '2020-12-31',
        value: 25,
        restated: true,
        recorded: [
          { value: 24, position: pos(14), recordedAt: rec(14), supersedes: null },
          { value: 25, position: pos(19), recordedAt: rec(19), supersedes: 24 },
        ],
      });
      // The same instant written in Paris time reads the same.
      const citp5InParis = new Date(Date.parse(rec(18)) + 3_600_000).toISOString().replace('Z', '+01:00');
      expect(
        await read('/diff', {
          fromAt: '2021-02-05',
          fromAsOf: citp5InParis,
          toAt: '2021-02-05',
          toAsOf: rec(19),
          format: 'paths',
        }),
      ).toEqual({
        from: stamp('2021-02-05', 18),
        to: stamp('2021-02-05', 19),
        added: [],
        removed: [],
        changed: restatementChanges,
      });
    });
  });

  // ---- The reads as OpenAPI describes them --------------------------------------------------------------------------

  it('documents every query parameter each read takes', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    const documented = (path: string) =>
      (body.paths[`${API}${path}`].get.parameters as { name: string; in: string }[])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name)
        .sort();
    const temporal = ['asOf', 'at', 'minPosition'];
    const reads: Record<string, string[]> = {
      '/portfolio': [...temporal, 'health', 'late', 'q'],
      '/diff': ['format', 'fromAsOf', 'fromAt', 'minPosition', 'toAsOf', 'toAt'],
      '/projects': [...temporal, 'cursor', 'health', 'late', 'limit', 'missionCode', 'q', 'sort', 'status'],
      '/milestones': [...temporal, 'cursor', 'limit', 'overdue'],
      '/projects/{projectId}': temporal,
      '/projects/{projectId}/history': [...temporal, 'after', 'limit'],
      '/projects/{projectId}/replay': [...temporal, 'after', 'limit'],
      '/projects/{projectId}/indicators/{indicatorId}/series': [...temporal, 'territory'],
      '/review-cycles': temporal,
      '/review-cycles/{cycleId}': temporal,
      '/review-cycles/{cycleId}/diff': [...temporal, 'against', 'format'],
      '/events': [
        'actor',
        'after',
        'fromPosition',
        'limit',
        'minPosition',
        'missionCode',
        'projectId',
        'recordedFrom',
        'recordedTo',
        'toPosition',
        'type',
      ],
    };
    expect(Object.fromEntries(Object.keys(reads).map((path) => [path, documented(path)]))).toEqual(
      Object.fromEntries(Object.entries(reads).map(([path, names]) => [path, [...names].sort()])),
    );
  });

  // ---- Refusals ------------------------------------------------------------------------------------------------

  describe('refusals', () => {
    const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
    const problem = (status: number, code: string, detail: string, instance: string, errors?: object[]) => ({
      type: `urn:portfolio-ledger:problem:${code}`,
      title: TITLES[status],
      status,
      detail,
      instance,
      code,
      ...(errors === undefined ? {} : { errors }),
    });
    const expectProblem = async (response: request.Test, body: object) => {
      const answered = await response;
      expect(answered.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ status: answered.status, body: answered.body }).toEqual({ status: (body as Json).status, body });
    };

    it('404 for an unknown project or cycle, and for a project or cycle not yet known at (at, asOf)', async () => {
      const unknownProject = (id: string) => `project ${id} is not known at the requested time`;
      await expectProblem(
        get('/projects/data-pass'),
        problem(404, 'project_not_found', unknownProject('data-pass'), '/api/v1/projects/data-pass'),
      );
      await expectProblem(
        get('/projects/hubee', { at: '2019-06-30' }),
        problem(404, 'project_not_found', unknownProject('hubee'), '/api/v1/projects/hubee'),
      );
      await expectProblem(
        get('/projects/data-pass/history'),
        problem(404, 'project_not_found', unknownProject('data-pass'), '/api/v1/projects/data-pass/history'),
      );
      const unknownCycle = (id: string) => `review cycle ${id} is not known at the requested time`;
      await expectProblem(
        get('/review-cycles/citp-9'),
        problem(404, 'review_cycle_not_found', unknownCycle('citp-9'), '/api/v1/review-cycles/citp-9'),
      );
      await expectProblem(
        get('/review-cycles/citp-6', { asOf: pos(23) }),
        problem(404, 'review_cycle_not_found', unknownCycle('citp-6'), '/api/v1/review-cycles/citp-6'),
      );
    });

    it('400 for a date that does not exist, and for an asOf that is neither a position nor an instant', async () => {
      const atDetail = 'at must be a real calendar date written YYYY-MM-DD';
      await expectProblem(
        get('/portfolio', { at: '2021-02-30' }),
        problem(400, 'invalid_query', atDetail, '/api/v1/portfolio', [{ path: 'query.at', message: atDetail }]),
      );
      const asOfDetail =
        'asOf must be a position, a release (series:id, such as barometre:2023-01-19) or an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
      await expectProblem(
        get('/portfolio', { asOf: 'yesterday' }),
        problem(400, 'invalid_query', asOfDetail, '/api/v1/portfolio', [{ path: 'query.asOf', message: asOfDetail }]),
      );
    });

    it('400 for an instant on a day that does not exist, not rolled over to March (asOf, recordedFrom)', async () => {
      const asOfDetail =
        'asOf must be a position, a release (series:id, such as barometre:2023-01-19) or an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
      const fromDetail = 'recordedFrom must be an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
      const answered = [
        await get('/portfolio', { asOf: '2021-02-30T12:00:00Z' }),
        await get('/events', { recordedFrom: '2021-02-30T00:00:00Z' }),
      ];
      expect(answered.map((response) => [response.status, response.body])).toEqual([
        [
          400,
          problem(400, 'invalid_query', asOfDetail, '/api/v1/portfolio', [{ path: 'query.asOf', message: asOfDetail }]),
        ],
        [
          400,
          problem(400, 'invalid_query', fromDetail, '/api/v1/events', [
            { path: 'query.recordedFrom', message: fromDetail },
          ]),
        ],
      ]);
    });

    it('404 for the series of an indicator the project does not have, or of a project that does not exist', async () => {
      await expectProblem(
        get('/projects/franceconnect/indicators/usagers/series'),
        problem(
          404,
          'indicator_not_found',
          'indicator usagers is not known at the requested time',
          '/api/v1/projects/franceconnect/indicators/usagers/series',
        ),
      );
      await expectProblem(
        get('/projects/data-pass/indicators/usagers/series'),
        problem(
          404,
          'project_not_found',
          'project data-pass is not known at the requested time',
          '/api/v1/projects/data-pass/indicators/usagers/series',
        ),
      );
    });

    it('400 on GET /review-cycles/citp-4/diff: the first cycle has nothing to compare with by default', async () => {
      const detail = 'review cycle citp-4 is the first: name one to compare it against';
      await expectProblem(
        get('/review-cycles/citp-4/diff'),
        problem(400, 'invalid_query', detail, '/api/v1/review-cycles/citp-4/diff', [
          { path: 'query.against', message: detail },
        ]),
      );
    });

    it('400 on GET /diff names the parameter the caller sent', async () => {
      const detail = 'fromAt must be a real calendar date written YYYY-MM-DD';
      await expectProblem(
        get('/diff', { fromAt: '2021-02-30', toAt: '2021-07-23' }),
        problem(400, 'invalid_query', detail, '/api/v1/diff', [{ path: 'query.fromAt', message: detail }]),
      );
    });

    it('401 for a read without credentials; every role may read; only an admin manages projections', async () => {
      await expectProblem(
        get('/portfolio', {}, { 'Accept-Language': 'en' }),
        problem(401, 'unauthenticated', 'missing bearer token', '/api/v1/portfolio'),
      );
      await expectProblem(
        get('/portfolio', {}, { Authorization: 'Bearer not-a-real-token-at-all', 'Accept-Language': 'en' }),
        problem(401, 'unauthenticated', 'invalid or expired token', '/api/v1/portfolio'),
      );
      for (const role of ['reviewer', 'auditor', 'programme-office', 'admin'] as const) {
        const response = await get('/portfolio', { at: '2021-07-23', asOf: pos(23) }, bearer(role));
        expect({ role, status: response.status, body: response.body }).toEqual({
          role,
          status: 200,
          body: citp6Portfolio(events),
        });
      }
      for (const role of ['reviewer', 'auditor', 'programme-office'] as const) {
        const rebuild = await request(http).post(`${API}/admin/projections/rebuild`).set(bearer(role));
        expect({ role, status: rebuild.status, code: rebuild.body.code }).toEqual({
          role,
          status: 403,
          code: 'forbidden',
        });
      }
    });
  });

  // ---- Rebuild: last, since it replaces the read models every test above read -----------------------------------

  it('rebuilds the read models into documents identical to those served before', async () => {
    const documents: [string, Record<string, string>][] = [
      ['/portfolio', {}],
      ['/portfolio', { at: '2019-11-15', asOf: pos(10) }],
      ['/portfolio', { at: '2019-11-15' }],
      ['/portfolio', { at: '2021-02-05', asOf: pos(17) }],
      ['/portfolio', { at: '2021-02-05', asOf: rec(18) }],
      ['/portfolio', { at: '2021-02-05' }],
      ['/portfolio', { at: '2021-06-30' }],
      ['/portfolio', { at: '2021-07-10' }],
      ['/portfolio', { at: '2021-07-23', asOf: pos(23) }],
      ['/review-cycles', {}],
      ['/review-cycles/citp-6/diff', {}],
      ['/review-cycles/citp-6/diff', { against: 'citp-4' }],
      ['/review-cycles/citp-6/diff', { against: 'citp-4', format: 'paths' }],
      ['/diff', { fromAt: '2019-11-15', fromAsOf: pos(10), toAt: '2021-07-23' }],
      ['/projects', { at: '2021-07-10' }],
      ['/projects/franceconnect/history', {}],
      ['/projects/franceconnect/replay', {}],
      ['/projects/franceconnect/indicators/usagers-franceconnect/series', {}],
      ['/projects/franceconnect/indicators/usagers-franceconnect/series', { territory: 'region:84' }],
      ['/projects/hubee/indicators/delai-traitement/series', { asOf: pos(19) }],
      ['/events', {}],
      ['/events', { missionCode: 'DATA', limit: '3', after: pos(4) }],
      ...['citp-4', 'citp-5', 'citp-6'].map((cycleId): [string, Record<string, string>] => [
        `/review-cycles/${cycleId}`,
        {},
      ]),
      ...['franceconnect', 'hubee', 'vitam', 'api-particulier'].flatMap((projectId) =>
        ['2019-11-15', '2021-02-05', '2021-06-30', '2021-07-10', '2021-07-23'].flatMap(
          (at): [string, Record<string, string>][] => [
            [`/projects/${projectId}`, { at }],
            [`/projects/${projectId}`, { at, asOf: pos(10) }],
          ],
        ),
      ),
    ];
    const readAll = async () => {
      const bodies: { path: string; query: Record<string, string>; status: number; body: unknown }[] = [];
      for (const [path, query] of documents) {
        const response = await get(path, query);
        bodies.push({ path, query, status: response.status, body: response.body });
      }
      return bodies;
    };
    const before = await readAll();
    // API Particulier was not known at position 10: those reads answer 404, before and after alike.
    expect(before.filter((d) => d.status !== 200).map((d) => [d.path, d.query.at, d.query.asOf])).toEqual(
      ['2019-11-15', '2021-02-05', '2021-06-30', '2021-07-10', '2021-07-23'].map((at) => [
        '/projects/api-particulier',
        at,
        pos(10),
      ]),
    );

    const admin = bearer('admin');
    const started = await request(http).post(`${API}/admin/projections/rebuild`).set(admin).expect(202);
    expect(started.body).toEqual({
      rebuild: {
        generation: 2,
        state: 'running',
        position: '0',
        target: '0',
        progress: 0,
        startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        expectIdentical: false,
      },
    });
    let status: Json = {};
    // A real rebuild and its parity check: on a loaded machine they may take seconds.
    for (let attempt = 0; attempt < 400; attempt++) {
      status = (await request(http).get(`${API}/admin/projections`).set(admin).expect(200)).body;
      if ((status.rebuild as Json | undefined)?.state === 'done') break;
      await sleep(50);
    }
    const last = pos(HEAD);
    const projector = (name: string) => ({
      name,
      generation: 2,
      position: last,
      head: last,
      lag: '0',
      state: expect.stringMatching(/^(live|catching_up)$/),
    });
    expect(status).toEqual({
      projectors: [projector('portfolio'), projector('audit-log')],
      rebuild: {
        generation: 2,
        state: 'done',
        position: last,
        target: last,
        progress: 100,
        startedAt: started.body.rebuild.startedAt,
        finishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        expectIdentical: false,
        // Every event of the scenario is indexed in the audit log, and each is one portfolio fact too.
        parity: { position: last, equal: true, documents: 2 * HEAD, digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });

    const after = await readAll();
    for (let i = 0; i < documents.length; i++) expect(after[i]).toEqual(before[i]);
    // And the rebuilt documents are still the ones worked out by hand.
    expect(await read('/portfolio', { at: '2021-02-05', asOf: pos(17) })).toEqual(citp5Portfolio(events));
    expect(await read('/portfolio', { at: '2021-07-23', asOf: pos(23) })).toEqual(citp6Portfolio(events));
  }, 30_000);
});
