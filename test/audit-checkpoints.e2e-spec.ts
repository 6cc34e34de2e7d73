import { merkleRoot, verifyConsistency, verifyInclusion } from '@portfolio/audit';
import request from 'supertest';
import type { App } from 'supertest/types';
import { openCheckpoint } from '../libs/audit/src/transparency/checkpoint-note';
import { ed25519NoteVerifier } from '../libs/audit/src/transparency/ed25519-note-key';
import { allEvents } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

const auditor = bearer('auditor');
const measurements = '/api/v1/projects/franceconnect/indicators/usagers-franceconnect/measurements';
const hex = (proof: readonly string[]) => proof.map((hash) => Buffer.from(hash, 'base64').toString('hex'));

// The signed checkpoints over HTTP: the note, the list, the proofs a client checks against them, and the verifier key.
describe.each(STORE_KINDS)('signed checkpoints of the log on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  const get = (path: string) => request(http).get(path).set(auditor);
  const post = (path: string, body: object) => request(http).post(path).set(bearer('programme-office')).send(body);
  const checkpointSizes = async () =>
    ((await get('/api/v1/audit/checkpoints').expect(200)).body as { treeSize: number }[]).map((c) => c.treeSize);
  const untilSigned = async (size: number) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if ((await checkpointSizes()).includes(size)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no checkpoint of size ${size} signed after 20 s`);
  };

  beforeEach(async () => {
    testApp = await startTestApp(kind, { checkpointIntervalMs: 60_000 });
    http = testApp.app.getHttpServer();
  });
  afterEach(async () => {
    await testApp.close();
  });

  it('answers 404 before anything is recorded', async () => {
    const { body } = await get('/api/v1/audit/checkpoint').expect(404);
    expect(body).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'no checkpoint of the log has been signed yet',
    });
    expect(await checkpointSizes()).toEqual([]);
  });

  it('serves the latest checkpoint as a signed note that the served verifier key opens, and proofs against it', async () => {
    await post('/api/v1/missions', idnumMission).expect(201);
    await post('/api/v1/projects', franceConnectLaunch).expect(201);
    await post(measurements, measurementMay2021).expect(201);
    await post('/api/v1/review-cycles', citp5).expect(201);
    await untilSigned(4); // at once: a review cycle was held, long before the interval
    const events = await allEvents(testApp);

    const response = await get('/api/v1/audit/checkpoint').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const { vkey, publicKeyPem } = (await get('/api/v1/audit/public-key').expect(200)).body;
    expect(publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const { checkpoint } = openCheckpoint(response.text, ed25519NoteVerifier(vkey));
    expect(checkpoint).toMatchObject({ origin: vkey.split('+')[0], size: 4 });
    // After 3: a checkpoint of what was recorded before the schedule's first look may precede it.
    expect((await get('/api/v1/audit/checkpoints?after=3&limit=1').expect(200)).body).toEqual([
      {
        treeSize: 4,
        position: '4',
        root: checkpoint.root,
        signedAt: expect.any(String),
        note: response.text,
        timestamp: null,
        cosignatures: [],
      },
    ]);

    const inclusion = (await get('/api/v1/audit/proofs/inclusion?position=2&treeSize=4').expect(200)).body;
    expect(inclusion).toEqual({ leafIndex: 1, treeSize: 4, proof: expect.any(Array) });
    expect(verifyInclusion(events[1].hash, 1, 4, hex(inclusion.proof), checkpoint.root)).toBe(true);
    const consistency = (await get('/api/v1/audit/proofs/consistency?from=2&to=4').expect(200)).body;
    expect(consistency).toEqual({ from: 2, to: 4, proof: expect.any(Array) });
    const rootOf2 = merkleRoot(events.slice(0, 2).map((event) => event.hash));
    expect(verifyConsistency(2, 4, rootOf2, checkpoint.root, hex(consistency.proof))).toBe(true);
  });

  it.each([
    ['/api/v1/audit/proofs/inclusion?position=9&treeSize=1', 'position', 'the log holds no event at position 9'],
    [
      '/api/v1/audit/proofs/inclusion?position=2&treeSize=1',
      'position',
      'the event at position 2 is leaf 1, outside a tree of 1 leaves',
    ],
    [
      '/api/v1/audit/proofs/inclusion?position=1&treeSize=3',
      'treeSize',
      'treeSize 3 is beyond the log, which holds 2 events',
    ],
    ['/api/v1/audit/proofs/inclusion?treeSize=1', 'position', 'position is required'],
    ['/api/v1/audit/proofs/consistency?from=2&to=1', 'from', 'from 2 is larger than to 1'],
    ['/api/v1/audit/proofs/consistency?from=1&to=x', 'to', 'to must be a whole number (got "x")'],
    ['/api/v1/audit/checkpoints?after=-1', 'after', 'after must be a whole number (got "-1")'],
  ])('answers 400 to %s', async (path, parameter, detail) => {
    await post('/api/v1/missions', idnumMission).expect(201);
    await post('/api/v1/projects', franceConnectLaunch).expect(201);
    const { body } = await get(path).expect(400);
    expect(body).toMatchObject({
      code: 'invalid_query',
      detail,
      errors: [{ path: `query.${parameter}`, message: detail }],
    });
  });
});
