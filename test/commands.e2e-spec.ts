import {
  generateSigningKey,
  publicKeyFingerprint,
  SIGNING_KEY_FILE,
  signingKeyToPem,
  verifySeal,
} from '@portfolio/audit';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { allEvents, revealedEvents, storeOf } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission, juneBatch, measurementMay2021 } from './support/tech-gouv-requests';

const PROBLEM_JSON = /^application\/problem\+json/;
const programmeOffice = bearer('programme-office');
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Content',
};
/** The whole problem document the API answers (RFC 9457): its type and title follow from the code and the status. */
const problem = (status: number, code: string, fields: Record<string, unknown>) => ({
  type: `urn:portfolio-ledger:problem:${code}`,
  title: TITLES[status],
  status,
  code,
  ...fields,
});
/** The 400 answered for a request with one invalid field: the detail names it, `errors` says what is wrong. */
const oneInvalidField = (instance: string, path: string, message: string) =>
  problem(400, 'validation_failed', { detail: `1 invalid field: ${path}`, instance, errors: [{ path, message }] });
const measurementsPath = '/api/v1/projects/franceconnect/indicators/usagers-franceconnect/measurements';

describe.each(STORE_KINDS)('commands on %s', (kind) => {
  let testApp: TestApp;
  let http: App;

  beforeEach(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
  });
  afterEach(async () => {
    await testApp.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = programmeOffice) =>
    request(http)
      .post(path)
      .set(headers)
      .send(body as object);

  async function launchFranceConnect(): Promise<void> {
    await post('/api/v1/missions', idnumMission).expect(201);
    await post('/api/v1/projects', franceConnectLaunch).expect(201);
  }

  /** Sends a request that must be refused, and checks that nothing was appended. */
  async function expectRefused(send: () => request.Test, status: number, problem: object): Promise<request.Response> {
    const before = await storeOf(testApp).head();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toEqual(problem);
    expect(await storeOf(testApp).head()).toBe(before);
    return response;
  }

  describe('success paths', () => {
    it('defines a mission: 201, Location, ETag, the position written', async () => {
      const response = await post('/api/v1/missions', idnumMission).expect(201);
      expect(response.body).toEqual({ missionCode: 'IDNUM', revision: '0', position: '1', eventsAppended: 1 });
      expect(response.headers.location).toBe('/api/v1/missions/IDNUM');
      expect(response.headers.etag).toBe('"0"');
      const [event] = await allEvents(testApp);
      expect(event).toMatchObject({ streamId: 'mission-IDNUM', type: 'MissionDefined', data: idnumMission });
    });

    it('launches a project, records a measurement, a batch, a milestone, a redesign and a closure', async () => {
      await post('/api/v1/missions', idnumMission).expect(201);
      const launched = await post('/api/v1/projects', franceConnectLaunch).expect(201);
      expect(launched.body).toEqual({ projectId: 'franceconnect', revision: '0', position: '2', eventsAppended: 1 });
      expect(launched.headers.location).toBe('/api/v1/projects/franceconnect');

      const measured = await post(measurementsPath, measurementMay2021).expect(201);
      expect(measured.body).toEqual({ projectId: 'franceconnect', revision: '1', position: '3', eventsAppended: 1 });
      expect(measured.headers.etag).toBe('"1"');

      const batch = await post('/api/v1/projects/franceconnect/measurements:batch', {
        measurements: [
          ...juneBatch,
          { indicatorId: 'usagers-franceconnect', value: 25.5, decimals: 2, period: '2021-05-31' },
        ],
      }).expect(201);
      expect(batch.body).toEqual({ projectId: 'franceconnect', revision: '4', position: '6', eventsAppended: 3 });

      const reached = await post('/api/v1/projects/franceconnect/milestones/franceconnect-plus/reach', {
        reachedOn: '2021-06-30',
        evidence: 'FranceConnect+ opened with La Poste',
      }).expect(200);
      expect(reached.body).toMatchObject({ revision: '5', eventsAppended: 1 });

      const redesigned = await post('/api/v1/projects/franceconnect/redesigns', {
        reason: 'AgentConnect is delivered by a project of its own',
        decidedOn: '2021-07-05',
        decidedBy: 'citp-6',
        changes: { milestones: { removed: ['agentconnect'] } },
      }).expect(201);
      expect(redesigned.body).toMatchObject({ revision: '6', eventsAppended: 1 });

      const closed = await post('/api/v1/projects/franceconnect/close', {
        outcome: 'completed',
        closedOn: '2021-12-15',
        note: 'In service: 26 million users',
      }).expect(200);
      expect(closed.body).toMatchObject({ revision: '7', eventsAppended: 1 });

      const events = await revealedEvents(testApp);
      expect(events.map((e) => e.type)).toEqual([
        'MissionDefined',
        'ProjectLaunched',
        'IndicatorMeasured',
        'IndicatorMeasured',
        'IndicatorMeasured',
        'IndicatorMeasured',
        'MilestoneReached',
        'ProjectRedesigned',
        'ProjectClosed',
      ]);
      expect(events[2].data).toEqual({
        projectId: 'franceconnect',
        indicatorId: 'usagers-franceconnect',
        value: 26,
        decimals: 0,
        period: '2021-05-31',
        territory: { level: 'national', code: 'FR' },
        source: 'DINUM press kit',
      });
      // 25.50 for May restates the 26 recorded before: the event says which value it supersedes, and in how many
      // places it was given (schema version 2 of IndicatorMeasured).
      expect(events[5]).toMatchObject({
        schemaVersion: 2,
        data: { value: 25.5, decimals: 2, period: '2021-05-31', supersedes: 26 },
      });
      // Due 2021-03-31, reached 2021-06-30.
      expect(events[6].data).toMatchObject({ milestoneId: 'franceconnect-plus', daysLate: 91 });
      expect(events[7].data).toMatchObject({ planVersion: 2, decidedBy: 'citp-6' });
    });

    it('records nothing for a value measured again, and says so', async () => {
      await launchFranceConnect();
      await post(measurementsPath, measurementMay2021).expect(201);
      const head = await storeOf(testApp).head();
      const again = await post(measurementsPath, measurementMay2021).expect(201);
      expect(again.body).toEqual({
        projectId: 'franceconnect',
        revision: '1',
        position: head.toString(),
        eventsAppended: 0,
      });
      expect(await storeOf(testApp).head()).toBe(head);
    });

    it('holds a review cycle whose seal verifies with the published public key', async () => {
      await launchFranceConnect();
      const held = await post('/api/v1/review-cycles', citp5).expect(201);
      expect(held.body).toEqual({ cycleId: 'citp-5', revision: '0', position: '3', eventsAppended: 1 });
      expect(held.headers.location).toBe('/api/v1/review-cycles/citp-5');
      const { body: key } = await request(http).get('/api/v1/audit/public-key').set(bearer('auditor')).expect(200);
      expect(key).toEqual({
        algorithm: 'Ed25519',
        publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY'),
        fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        // The C2SP verifier key of the checkpoints: origin (named after the key by default), key ID, type and key.
        vkey: expect.stringMatching(/^portfolio-ledger\/[0-9a-f]{16}\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/),
      });
      const seal = (await allEvents(testApp))[2];
      expect(seal).toMatchObject({ streamId: 'review-cycle-citp-5', type: 'ReviewCycleHeld' });
      expect(seal.data).toMatchObject({ cycleId: 'citp-5', heldOn: '2021-02-05', sealedPosition: '2', eventCount: 2 });
      const { sealedPosition, eventCount, merkleRoot, signature } = seal.data as Record<string, never>;
      const fields = { cycleId: 'citp-5', heldOn: '2021-02-05', sealedPosition, eventCount, merkleRoot };
      expect(verifySeal(key.publicKeyPem, fields, signature)).toBe(true);
      expect(verifySeal(key.publicKeyPem, { ...fields, eventCount: 3 }, signature)).toBe(false);
    });
  });

  it('signs with a configured key file instead of generating one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portfolio-key-'));
    const keyFile = join(dir, 'seal.pem');
    const key = generateSigningKey();
    writeFileSync(keyFile, signingKeyToPem(key), { mode: 0o600 });
    const configured = await startTestApp(kind, { signingKeyFile: keyFile });
    try {
      const { body } = await request(configured.app.getHttpServer())
        .get('/api/v1/audit/public-key')
        .set(bearer('admin'))
        .expect(200);
      expect(body.fingerprint).toBe(publicKeyFingerprint(key));
      expect(existsSync(join(configured.config.dataDir, SIGNING_KEY_FILE))).toBe(false);
    } finally {
      await configured.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('actor and idempotency', () => {
    it('records the authenticated principal as actor, and refuses a body that names another', async () => {
      await expectRefused(
        () => post('/api/v1/missions', { ...idnumMission, actor: { id: 'someone-else', role: 'admin' } }),
        400,
        oneInvalidField('/api/v1/missions', 'actor', 'property actor should not exist'),
      );
      await post('/api/v1/missions', idnumMission, { ...programmeOffice, 'X-Correlation-Id': 'corr-42' }).expect(201);
      const [event] = await revealedEvents(testApp);
      expect(event.metadata).toEqual({
        actor: {
          id: expect.stringMatching(/^token:programme-office:[0-9a-f]{12}$/),
          name: 'API token (programme-office)',
          role: 'programme-office',
        },
        commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        requestFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        correlationId: 'corr-42',
        causationId: event.metadata.commandId,
      });
    });

    it('answers a retry with the same key and body with the first response, appending nothing', async () => {
      await launchFranceConnect();
      const keyed = { ...programmeOffice, 'Idempotency-Key': 'measure-may-2021' };
      const first = await post(measurementsPath, measurementMay2021, keyed).expect(201);
      await post(measurementsPath, { ...measurementMay2021, value: 30, period: '2021-04-30' }).expect(201);
      const head = await storeOf(testApp).head();
      const retry = await post(measurementsPath, measurementMay2021, keyed).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await storeOf(testApp).head()).toBe(head);
      const recorded = (await allEvents(testApp)).filter((e) => e.metadata.commandId === 'measure-may-2021');
      expect(recorded).toHaveLength(1);
    });

    it('refuses the same key with another body: 422', async () => {
      await launchFranceConnect();
      const keyed = { ...programmeOffice, 'Idempotency-Key': 'measure-may-2021' };
      await post(measurementsPath, measurementMay2021, keyed).expect(201);
      await expectRefused(
        () => post(measurementsPath, { ...measurementMay2021, value: 27 }, keyed),
        422,
        problem(422, 'idempotency_key_reused', {
          detail: 'Idempotency-Key measure-may-2021 was already used for a different request',
          instance: measurementsPath,
        }),
      );
    });
  });

  describe('refusals: nothing is appended', () => {
    it('400 for a date that does not exist, with the field path', async () => {
      await launchFranceConnect();
      await expectRefused(
        () => post(measurementsPath, { ...measurementMay2021, period: '2021-02-30' }),
        400,
        oneInvalidField(measurementsPath, 'period', 'period must be a real calendar date written YYYY-MM-DD'),
      );
    });

    it('400 for decimal places fewer than the value shows, or not a whole number', async () => {
      await launchFranceConnect();
      await expectRefused(
        () => post(measurementsPath, { ...measurementMay2021, value: 25.75, decimals: 1 }),
        400,
        expect.objectContaining({ errors: [expect.objectContaining({ path: 'decimals' })] }),
      );
      await expectRefused(
        () => post(measurementsPath, { ...measurementMay2021, decimals: 1.5 }),
        400,
        oneInvalidField(measurementsPath, 'decimals', 'decimals must be a whole number from 0 to 10'),
      );
    });

    it('400 for malformed JSON and for a malformed If-Match', async () => {
      await expectRefused(
        () =>
          request(http)
            .post('/api/v1/missions')
            .set(programmeOffice)
            .set('Content-Type', 'application/json')
            .send('{"missionCode":'),
        400,
        problem(400, 'malformed_json', { detail: 'the request body is not valid JSON', instance: '/api/v1/missions' }),
      );
      await launchFranceConnect();
      await expectRefused(
        () => post(measurementsPath, measurementMay2021, { ...programmeOffice, 'If-Match': 'three' }),
        400,
        oneInvalidField(
          measurementsPath,
          'headers.If-Match',
          'If-Match must be a revision as returned in ETag, e.g. "3"',
        ),
      );
    });

    it('401 without credentials or with a bad token', async () => {
      const unauthenticated = problem(401, 'unauthenticated', { instance: '/api/v1/missions' });
      const english = { 'Accept-Language': 'en' };
      const missing = await expectRefused(() => post('/api/v1/missions', idnumMission, english), 401, {
        ...unauthenticated,
        detail: 'missing bearer token',
      });
      expect(missing.headers['www-authenticate']).toMatch(/^Bearer realm="portfolio-ledger"/);
      const bad = await expectRefused(
        () => post('/api/v1/missions', idnumMission, { ...english, Authorization: 'Bearer not-a-real-token-at-all' }),
        401,
        { ...unauthenticated, detail: 'invalid or expired token' },
      );
      expect(JSON.stringify(bad.body)).not.toContain('not-a-real-token-at-all');
    });

    it('403 for a role that may not issue commands', async () => {
      await expectRefused(
        () => post('/api/v1/missions', idnumMission, bearer('reviewer')),
        403,
        problem(403, 'forbidden', { detail: expect.stringContaining('reviewer'), instance: '/api/v1/missions' }),
      );
      await expectRefused(
        () => request(http).get('/api/v1/audit/public-key').set(bearer('reviewer')),
        403,
        expect.objectContaining({ status: 403 }),
      );
    });

    it('404 for a project that was never launched, or a milestone it does not have', async () => {
      await expectRefused(
        () => post('/api/v1/projects/hubee/indicators/echanges/measurements', measurementMay2021),
        404,
        problem(404, 'project_not_found', {
          detail: expect.stringContaining('hubee'),
          instance: '/api/v1/projects/hubee/indicators/echanges/measurements',
        }),
      );
      await launchFranceConnect();
      await expectRefused(
        () => post('/api/v1/projects/franceconnect/milestones/proconnect/reach', { reachedOn: '2021-06-30' }),
        404,
        expect.objectContaining({ status: 404, code: 'milestone_not_found' }),
      );
    });

    it('404 for a project launched into an undefined mission', async () => {
      await expectRefused(
        () => post('/api/v1/projects', franceConnectLaunch),
        404,
        expect.objectContaining({ code: 'mission_not_found' }),
      );
    });

    it('409 for a project launched twice, a milestone reached twice, a command on a closed project', async () => {
      await launchFranceConnect();
      await expectRefused(
        () => post('/api/v1/projects', franceConnectLaunch),
        409,
        problem(409, 'already_launched', {
          detail: expect.stringContaining('franceconnect'),
          instance: '/api/v1/projects',
        }),
      );
      const reach = () =>
        post('/api/v1/projects/franceconnect/milestones/agentconnect/reach', { reachedOn: '2021-06-30' });
      await reach().expect(200);
      await expectRefused(reach, 409, expect.objectContaining({ code: 'milestone_already_reached' }));
      await post('/api/v1/projects/franceconnect/close', {
        outcome: 'abandoned',
        closedOn: '2021-07-01',
        note: 'merged',
      }).expect(200);
      await expectRefused(
        () => post(measurementsPath, measurementMay2021),
        409,
        expect.objectContaining({ code: 'project_closed' }),
      );
    });

    it('412 when If-Match names a stale revision, and success when it names the current one', async () => {
      await launchFranceConnect();
      await expectRefused(
        () => post(measurementsPath, measurementMay2021, { ...programmeOffice, 'If-Match': '"3"' }),
        412,
        problem(412, 'revision_mismatch', {
          detail: 'project-franceconnect is at revision 0, not 3: reload it and decide again',
          instance: measurementsPath,
        }),
      );
      await post(measurementsPath, measurementMay2021, { ...programmeOffice, 'If-Match': '"0"' }).expect(201);
    });

    it('413 for a body over the limit', async () => {
      await launchFranceConnect();
      const huge = {
        measurements: [
          { indicatorId: 'usagers-franceconnect', value: 1, period: '2021-05-31', source: 'x'.repeat(5 * 1024 * 1024) },
        ],
      };
      await expectRefused(
        () => post('/api/v1/projects/franceconnect/measurements:batch', huge),
        413,
        expect.objectContaining({
          status: 413,
          code: 'body_too_large',
        }),
      );
    });

    it('400 for a body nested too deep to validate (found by the hostile-input properties: it was a 500)', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      await expectRefused(
        () =>
          request(http)
            .post('/api/v1/missions')
            .set(programmeOffice)
            .set('Content-Type', 'application/json')
            .send(deep),
        400,
        problem(400, 'body_too_deep', { detail: 'the body nests deeper than 32 levels', instance: '/api/v1/missions' }),
      );
    });

    it('400 listing the first hundred invalid fields of a large batch', async () => {
      await launchFranceConnect();
      const measurements = Array.from({ length: 500 }, () => ({ indicatorId: 'X', value: 1, period: '2021-05-31' }));
      const response = await expectRefused(
        () => post('/api/v1/projects/franceconnect/measurements:batch', { measurements }),
        400,
        expect.objectContaining({ code: 'validation_failed' }),
      );
      expect(response.body.errors).toHaveLength(100);
      expect(response.body.detail).toMatch(/^500 invalid fields: measurements\[0\]\.indicatorId, .* and 400 more$/);
    });

    it('415 for a body that is not JSON', async () => {
      await expectRefused(
        () =>
          request(http).post('/api/v1/missions').set(programmeOffice).set('Content-Type', 'text/plain').send('IDNUM'),
        415,
        expect.objectContaining({ status: 415, code: 'unsupported_media_type' }),
      );
    });

    it('422 for a fact dated in the future and for a redesign that changes nothing', async () => {
      await launchFranceConnect();
      await expectRefused(
        () => post('/api/v1/projects/franceconnect/milestones/agentconnect/reach', { reachedOn: '2999-01-01' }),
        422,
        problem(422, 'date_in_future', {
          detail: expect.stringContaining('2999-01-01'),
          instance: '/api/v1/projects/franceconnect/milestones/agentconnect/reach',
          errors: [{ path: 'reachedOn', message: expect.stringContaining('2999-01-01') }],
        }),
      );
      await expectRefused(
        () =>
          post('/api/v1/projects/franceconnect/redesigns', { reason: 'none', decidedOn: '2021-07-05', changes: {} }),
        422,
        expect.objectContaining({ code: 'nothing_to_change' }),
      );
    });
  });

  it('describes every command endpoint in OpenAPI', async () => {
    const { body } = await request(http).get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/missions',
        '/api/v1/projects',
        '/api/v1/projects/{projectId}/milestones/{milestoneId}/reach',
        '/api/v1/projects/{projectId}/indicators/{indicatorId}/measurements',
        '/api/v1/projects/{projectId}/measurements:batch',
        '/api/v1/projects/{projectId}/redesigns',
        '/api/v1/projects/{projectId}/close',
        '/api/v1/review-cycles',
        '/api/v1/audit/public-key',
      ]),
    );
    const launch = body.paths['/api/v1/projects'].post;
    expect(Object.keys(launch.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '422']),
    );
    expect(body.components.schemas.LaunchProjectDto.required).toEqual(
      expect.arrayContaining(['projectId', 'milestones']),
    );
  });
});
