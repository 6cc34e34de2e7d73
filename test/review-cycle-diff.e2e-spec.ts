import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startTestApp, type TestApp } from './support/test-app';

// The named diff over HTTP: two CITP reviews of one project, between which a milestone is reached, a rate moves by a
// figure with binary noise (48.5133020344288 % → 51.2 %), and the project is redesigned. The figures are worked out
// in libs/read-models/src/diff/named-changes.spec.ts's manner; here, that the API answers the named form by default,
// keeps the path form on request and refuses any other format.

const API = '/api/v1';
const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');

const launch = {
  projectId: 'franceconnect',
  missionCode: 'IDNUM',
  title: 'FranceConnect',
  objective: 'Un bouton unique pour les services publics en ligne',
  leadOrganisation: 'DINUM',
  launchedOn: '2019-06-03',
  milestones: [
    { milestoneId: 'raccordement-impots', title: 'Raccordement de impots.gouv.fr', dueOn: '2019-12-31' },
    { milestoneId: 'franceconnect-plus', title: 'FranceConnect+ ouvert aux démarches sensibles', dueOn: '2020-06-30' },
  ],
  indicators: [
    {
      indicatorId: 'taux-satisfaction',
      label: 'Usagers satisfaits',
      unit: '%',
      direction: 'increase',
      baseline: { value: 40, on: '2019-01-01' },
      target: { value: 80, by: '2022-12-31' },
    },
  ],
};

describe('the named diff of two review cycles over HTTP', () => {
  let testApp: TestApp;
  let http: App;
  let lastPosition: string;

  const post = async (path: string, body: object): Promise<void> => {
    const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body);
    if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    lastPosition = response.body.position;
  };

  const get = (path: string, query: Record<string, string> = {}) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set(reviewer);

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    http = testApp.app.getHttpServer();
    await post('/missions', {
      missionCode: 'IDNUM',
      name: 'Identité numérique',
      programme: 'Tech.gouv',
      definedOn: '2019-04-25',
    });
    await post('/projects', launch);
    await post('/projects/franceconnect/indicators/taux-satisfaction/measurements', {
      value: 48.5133020344288,
      period: '2019-12-31',
    });
    await post('/review-cycles', { cycleId: 'citp-2020-01', title: 'CITP de janvier 2020', heldOn: '2020-01-15' });
    await post('/projects/franceconnect/milestones/raccordement-impots/reach', { reachedOn: '2020-01-20' });
    await post('/projects/franceconnect/redesigns', {
      reason: 'Homologation RGS plus longue que prévu',
      decidedOn: '2020-02-15',
      decidedBy: 'citp-2020-01',
      changes: { milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', to: '2020-12-15' }] } },
    });
    await post('/projects/franceconnect/indicators/taux-satisfaction/measurements', {
      value: 51.2,
      period: '2020-06-30',
    });
    await post('/review-cycles', { cycleId: 'citp-2020-07', title: 'CITP de juillet 2020', heldOn: '2020-07-15' });
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('names the milestone reached by its title, and moves the rate by a delta rounded to hundredths', async () => {
    const { status, body } = await get('/review-cycles/citp-2020-07/diff');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: 'citp-2020-01', to: 'citp-2020-07' });
    const franceconnect = { projectId: 'franceconnect', projectTitle: 'FranceConnect' };
    expect(body.milestones.reached).toEqual([
      {
        ...franceconnect,
        milestoneId: 'raccordement-impots',
        title: 'Raccordement de impots.gouv.fr',
        dueOn: '2019-12-31',
        reachedOn: '2020-01-20',
        daysLate: 20,
      },
    ]);
    expect(body.milestones.rescheduled).toEqual([
      {
        ...franceconnect,
        milestoneId: 'franceconnect-plus',
        title: 'FranceConnect+ ouvert aux démarches sensibles',
        dueOn: '2020-12-15',
        previousDueOn: '2020-06-30',
      },
    ]);
    // 51.2 − 48.5133020344288 = 2.6866979655712, shown to the hundredth as percent values are.
    expect(body.indicatorMoves).toEqual([
      {
        ...franceconnect,
        indicatorId: 'taux-satisfaction',
        label: 'Usagers satisfaits',
        unit: '%',
        decimals: 2,
        before: { value: 48.51, period: '2019-12-31' },
        after: { value: 51.2, period: '2020-06-30' },
        delta: 2.69,
      },
    ]);
    expect(body.redesigned).toEqual([
      {
        ...franceconnect,
        planVersion: 2,
        decidedOn: '2020-02-15',
        decidedBy: 'citp-2020-01',
        reason: 'Homologation RGS plus longue que prévu',
      },
    ]);
  });

  it('names the same changes between two instants on GET /diff', async () => {
    const { status, body } = await get('/diff', { fromAt: '2020-01-15', toAt: '2020-07-15' });
    expect(status).toBe(200);
    expect(body.indicatorMoves.map((move: { delta: number }) => move.delta)).toEqual([2.69]);
    expect(body.milestones.reached.map((milestone: { title: string }) => milestone.title)).toEqual([
      'Raccordement de impots.gouv.fr',
    ]);
  });

  it('keeps the path diff, with its unrounded values, as format=paths', async () => {
    const { status, body } = await get('/review-cycles/citp-2020-07/diff', { format: 'paths' });
    expect(status).toBe(200);
    expect(body.changed).toContainEqual({
      path: 'totals.milestones.reached',
      from: 0,
      to: 1,
    });
    expect(body.changed).toContainEqual({
      path: 'missions[IDNUM].projects[franceconnect].indicators[taux-satisfaction].latest.value',
      from: 48.5133020344288,
      to: 51.2,
    });
  });

  it.each([
    ['/review-cycles/citp-2020-07/diff', {}],
    ['/diff', { fromAt: '2020-01-15' }],
  ])('refuses on %s a format it does not know with 400 invalid_query', async (path, query) => {
    const { status, body } = await get(path, { ...query, format: 'json' });
    expect({ status, code: body.code, errors: body.errors }).toEqual({
      status: 400,
      code: 'invalid_query',
      errors: [{ path: 'query.format', message: 'format must be one of named, paths' }],
    });
  });

  it('documents format with its two values, and both forms of the answer', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    for (const path of ['/review-cycles/{cycleId}/diff', '/diff']) {
      const operation = body.paths[`${API}${path}`].get;
      expect(operation.parameters.find((p: { name: string }) => p.name === 'format')).toMatchObject({
        in: 'query',
        required: false,
        schema: { enum: ['named', 'paths'] },
      });
      const refs = operation.responses['200'].content['application/json'].schema.oneOf.map(
        (s: { $ref: string }) => s.$ref,
      );
      expect(refs).toHaveLength(2);
      for (const ref of refs) expect(body.components.schemas[ref.split('/').pop()]).toBeDefined();
    }
    expect(Object.keys(body.components.schemas.NamedCycleDiffDto.properties)).toEqual(
      expect.arrayContaining(['milestones', 'indicatorMoves', 'healthChanges', 'redesigned', 'closed', 'launched']),
    );
  });
});
