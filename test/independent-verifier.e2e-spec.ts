import { createHash } from 'node:crypto';
import {
  checkFullNdjsonExport,
  leafHash,
  merkleRoot,
  openCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from './support/independent-verifier';
import request from 'supertest';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

// The test vectors of docs/audit-format.md, checked by a verifier written from that page alone.
const hex = (value: string) => Buffer.from(value, 'hex');
const eventHashes = [0, 1, 2, 3, 4].map((i) =>
  createHash('sha256').update(`portfolio-ledger event ${i}`).digest('hex'),
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '3787bd6cd74b1ced1f77dea4f6fff175edda24c4b582c6e7fd1e8adfa10729b5',
  '608c3dc41a1c0780223e85a2da156b69c9c3b1cc2a5a83e99d3188d63c1760ef',
  '573e7f45e3649b5a5affa9aa4d3cba5c3c80ab1925469489864dd54011b337eb',
  'fcdc20f5d3d586f36f08e5812eb4069c125ca96ff614eefa50c69290d3ef372d',
  '2dd4103a8aff68d53a816b1f9b7d7e90caf11cb2885b6ed8a79a6fe4a2cdf588',
];
const INCLUSION_2_OF_5 = [
  '155fab364ee4cd88da1e6a295a920eeec8425498ad4704df40310a8d90021a5e',
  '608c3dc41a1c0780223e85a2da156b69c9c3b1cc2a5a83e99d3188d63c1760ef',
  'd2550f4882bb2875952e75fcda51086537fa819b51c1c2266014469b1dd24168',
].map(hex);
const CONSISTENCY_3_TO_5 = [
  '9314a257af3480fe15fe56ebe6d151f164e9041d3da310fb1e9770f89ca76681',
  ...INCLUSION_2_OF_5.map((hash) => hash.toString('hex')),
].map(hex);
const VKEY = 'example.gouv.fr/portfolio-ledger+6102befb+Acjn3NMzpooUrMbBnPYOcXSSSS+UqMtwGvi389+6v4bY';
const CHECKPOINT =
  'example.gouv.fr/portfolio-ledger\n5\nLdQQOor/aNU6gWsfm31+kMrxHLKIW27Yp5pv5KLN9Yg=\n\n' +
  '\u2014 example.gouv.fr/portfolio-ledger YQK++7NRD3NNw9NYgJm/3zI1+CI7G2ptSvsYD25M6I0tAtMhueHaCJK4aipDsp7tldbPtn52XCUhyjHlOQnCJYfn9Qg=\n';

describe('an independent verifier, written from docs/audit-format.md', () => {
  it('finds the roots of the five-event log at every size', () => {
    ROOTS.forEach((root, size) => expect(merkleRoot(eventHashes.slice(0, size)).toString('hex')).toBe(root));
  });

  it('accepts the inclusion proof of leaf 2 and the consistency proof from 3 to 5, and refuses them altered', () => {
    const root = hex(ROOTS[5]);
    expect(verifyInclusion(leafHash(eventHashes[2]), 2, 5, INCLUSION_2_OF_5, root)).toBe(true);
    expect(verifyInclusion(leafHash(eventHashes[3]), 2, 5, INCLUSION_2_OF_5, root)).toBe(false);
    expect(verifyConsistency(3, 5, hex(ROOTS[3]), root, CONSISTENCY_3_TO_5)).toBe(true);
    expect(verifyConsistency(3, 5, hex(ROOTS[2]), root, CONSISTENCY_3_TO_5)).toBe(false);
    expect(verifyConsistency(3, 5, hex(ROOTS[3]), root, CONSISTENCY_3_TO_5.slice(1))).toBe(false);
  });

  it('opens the signed checkpoint with the verifier key, and refuses it altered or under another key', () => {
    expect(openCheckpoint(CHECKPOINT, VKEY)).toEqual({
      origin: 'example.gouv.fr/portfolio-ledger',
      size: 5,
      root: hex(ROOTS[5]),
    });
    expect(() => openCheckpoint(CHECKPOINT.replace('\n5\n', '\n4\n'), VKEY)).toThrow('no valid signature');
    expect(() => openCheckpoint(CHECKPOINT, VKEY.replace('6102befb', '6102befc'))).toThrow('key id');
  });
});

describe("the service's checkpoints and proofs, through the independent verifier", () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('sqlite', { checkpointIntervalMs: 60_000 });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('opens the served checkpoint with the served verifier key, and checks every proof against it', async () => {
    const http = testApp.app.getHttpServer();
    const checkpointOfSize = async (size: number): Promise<string> => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
        const response = await request(http).get('/api/v1/audit/checkpoint').set(bearer('auditor'));
        if (response.status === 200 && response.text.split('\n')[1] === String(size)) return response.text;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no checkpoint of size ${size} after 20 s`);
    };
    const get = async (path: string) => (await request(http).get(path).set(bearer('auditor')).expect(200)).body;
    const post = (path: string, body: object) =>
      request(http).post(`/api/v1${path}`).set(bearer('programme-office')).send(body).expect(201);
    await post('/missions', idnumMission);
    await post('/projects', franceConnectLaunch);
    await post('/projects/franceconnect/indicators/usagers-franceconnect/measurements', measurementMay2021);
    await post('/review-cycles', citp5); // a review cycle is checkpointed at once
    const note = await checkpointOfSize(4);
    const { vkey } = await get('/api/v1/audit/public-key');
    const checkpoint = openCheckpoint(note, vkey);
    expect(checkpoint.size).toBe(4);

    const { items } = await get('/api/v1/events');
    const hashes = (items as { hash: string; position: string }[]).map((event) => event.hash);
    expect(merkleRoot(hashes).equals(checkpoint.root)).toBe(true);
    for (const [index, event] of (items as { hash: string; position: string }[]).entries()) {
      const { proof } = await get(`/api/v1/audit/proofs/inclusion?position=${event.position}&treeSize=4`);
      const path = (proof as string[]).map((hash) => Buffer.from(hash, 'base64'));
      expect(verifyInclusion(leafHash(event.hash), index, 4, path, checkpoint.root)).toBe(true);
    }
    const { proof } = await get('/api/v1/audit/proofs/consistency?from=2&to=4');
    const path = (proof as string[]).map((hash) => Buffer.from(hash, 'base64'));
    expect(verifyConsistency(2, 4, merkleRoot(hashes.slice(0, 2)), checkpoint.root, path)).toBe(true);

    const exported = await request(http).get('/api/v1/audit/export?format=ndjson').set(bearer('auditor')).expect(200);
    expect(checkFullNdjsonExport(exported.text, vkey)).toMatchObject({ events: '4', seals: '1' });
    const lines = exported.text.split('\n');
    const cut = [...lines.slice(0, 3), ...lines.slice(4)].join('\n');
    expect(() => checkFullNdjsonExport(cut, vkey)).toThrow('the statement says events 4, the export 3');
    expect(() => checkFullNdjsonExport(lines.slice(0, 4).join('\n') + '\n', vkey)).toThrow('without its trailer');
  });
});
