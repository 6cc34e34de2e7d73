import { generateSigningKey, publicKeyPem, verifyExport } from '@portfolio/audit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ZipFile } from 'yazl';
import yauzl, { type Entry, type ZipFile as ZipReader } from 'yauzl';
import { buildProgram } from '../apps/cli/src/main';
import { rawStore } from './support/raw-store';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';

const programmeOffice = bearer('programme-office');
const auditor = bearer('auditor');
const measurements = '/api/v1/projects/franceconnect/indicators/usagers-franceconnect/measurements';

async function buildHistory(http: App): Promise<string> {
  let position = '0';
  const post = async (path: string, body: object) => {
    const response = await request(http).post(path).set(programmeOffice).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = response.body.position;
  };
  await post('/api/v1/missions', idnumMission);
  await post('/api/v1/missions', { ...idnumMission, missionCode: 'DATA', name: 'Données' });
  await post('/api/v1/projects', franceConnectLaunch);
  await post('/api/v1/projects', { ...franceConnectLaunch, projectId: 'hubee', missionCode: 'DATA', title: 'Hubee' });
  await post(measurements, measurementMay2021);
  await post('/api/v1/review-cycles', citp5);
  await post(measurements, { ...measurementMay2021, period: '2021-06-30', value: 27 });
  await post('/api/v1/projects/hubee/milestones/agentconnect/reach', { reachedOn: '2021-06-30' });
  await post('/api/v1/review-cycles', { ...citp5, cycleId: 'citp-6', title: '6e CITP', heldOn: '2021-07-23' });
  await post(measurements, { ...measurementMay2021, period: '2021-07-31', value: 28 });
  return position;
}

function binary(response: request.Response): Buffer {
  return response.body as Buffer;
}

/** supertest parser keeping a binary body (a zip) as one Buffer. */
const asBuffer = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Rewrites one file of a zip, as someone editing the bundle would. */
async function rezip(entries: Record<string, Buffer>, file: string): Promise<void> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(content, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}

describe.each(STORE_KINDS)('audit export on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  let dir: string;
  let lastPosition: string;

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    lastPosition = await buildHistory(http);
    dir = mkdtempSync(join(tmpdir(), 'portfolio-export-'));
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function download(query: string, name: string): Promise<string> {
    const response = await request(http)
      .get(`/api/v1/audit/export?${query}&minPosition=${lastPosition}`)
      .set(auditor)
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    const file = join(dir, name);
    writeFileSync(file, binary(response));
    return file;
  }

  it('exports NDJSON and CSV with sensible names, content types, one line per event and the trailer', async () => {
    const ndjson = await request(http)
      .get(`/api/v1/audit/export?format=ndjson&minPosition=${lastPosition}`)
      .set(auditor)
      .expect(200);
    expect(ndjson.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(ndjson.headers['content-disposition']).toMatch(
      /^attachment; filename="portfolio-audit-\d{8}T\d{6}Z\.ndjson"$/,
    );
    const ndjsonLines = ndjson.text.trim().split('\n');
    expect(ndjsonLines).toHaveLength(11);
    expect(ndjsonLines[10]).toMatch(/^\{"exportTrailer":\{"format":"portfolio-ledger\/export\/v2","checkpoint":/);
    const csv = await request(http).get('/api/v1/audit/export?format=csv&projectId=hubee').set(auditor).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toMatch(/-projectId-hubee\.csv"$/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'position,stream_id,revision,event_id,type,schema_version,recorded_at,business_date,project_id,mission_code,actor_id,actor_name,actor_role,actor_organisation,command_id,correlation_id,data,metadata,prev_hash,hash',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^#exportTrailer:[A-Za-z0-9+/=]+$/);
    expect(lines[2]).toMatch(/^8,project-hubee,1,.*,MilestoneReached,1,.*,2021-06-30,hubee,,token:programme-office:/);
  });

  it('exports a bundle that verifies offline, whole or filtered to one project with inclusion proofs', async () => {
    const whole = await download('format=bundle', 'whole.zip');
    expect(await verifyExport({ kind: 'bundle', path: whole })).toMatchObject({
      ok: true,
      eventsChecked: 10,
      sealsChecked: 2,
      unsealedEvents: 2,
      filtered: false,
    });
    const hubee = await download('format=bundle&projectId=hubee', 'hubee.zip');
    const result = await verifyExport({ kind: 'bundle', path: hubee });
    expect(result).toMatchObject({ ok: true, eventsChecked: 2, filtered: true });
    expect(result.proofsChecked).toBeGreaterThanOrEqual(2);
  });

  it('reports a changed byte in a bundle at the position of the altered event', async () => {
    const whole = await download('format=bundle', 'tampered.zip');
    const { entries } = await readZip(whole);
    const lines = entries['events.ndjson'].toString('utf8').split('\n');
    lines[4] = lines[4].replace('"value":26', '"value":29');
    await rezip({ ...entries, 'events.ndjson': Buffer.from(lines.join('\n'), 'utf8') }, whole);
    expect(await verifyExport({ kind: 'bundle', path: whole })).toMatchObject({
      ok: false,
      problem: { code: 'chain_broken', position: '5' },
    });
  });

  it('`portfolio verify` prints a report and exits 0 when intact, 1 with the first problem', async () => {
    const whole = await download('format=bundle', 'cli.zip');
    const keyPem = (await request(http).get('/api/v1/audit/public-key').set(auditor)).body.publicKeyPem as string;
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, keyPem);
    const run = async (...args: string[]) => {
      const written: string[] = [];
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        written.push(String(chunk));
        return true;
      });
      jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        process.exitCode = undefined;
        await buildProgram()
          .exitOverride()
          .parseAsync(['node', 'portfolio', 'verify', ...args]);
        return { code: process.exitCode, output: written.join('') };
      } finally {
        write.mockRestore();
        jest.restoreAllMocks();
        process.exitCode = undefined;
      }
    };
    const intact = await run(whole, '--public-key', keyFile);
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(/^INTACT: .*cli\.zip\n {2}events checked: {2}10 in 6 streams/);
    expect(intact.output).toContain('public key:      auditor');
    const otherKey = join(dir, 'other.pem');
    writeFileSync(otherKey, publicKeyPem(generateSigningKey()));
    const wrong = await run(whole, '--public-key', otherKey);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(/TAMPERED: .*\n[\s\S]*first problem: {3}wrong_key/);
  });
});

describe.each(STORE_KINDS)('audit export of a log cut after its checkpoint, on %s', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers with a problem saying why, not with an export that could not verify', async () => {
    const http = testApp.app.getHttpServer();
    const last = await buildHistory(http);
    await request(http).get('/api/v1/audit/export?format=ndjson').set(auditor).expect(200);
    const raw = rawStore(testApp);
    try {
      await raw.run('DELETE FROM events WHERE position = ?', BigInt(last));
      // PostgreSQL keeps the head in a row of its own, which a tamperer sets back too.
      if (kind === 'postgres') await raw.run('UPDATE event_log_head SET position = ?', BigInt(last) - 1n);
    } finally {
      await raw.close();
    }
    const response = await request(http).get('/api/v1/audit/export?format=bundle').set(auditor).expect(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 500, code: 'log_truncated' });
    expect(response.body.detail).toMatch(
      /^the log's head is at position \d+, before position \d+ already read and signed$/,
    );
  });
});

async function readZip(file: string): Promise<{ entries: Record<string, Buffer> }> {
  const zip = await new Promise<ZipReader>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries: Record<string, Buffer> = {};
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries[entry.fileName] = Buffer.concat(chunks);
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.readEntry();
  });
  return { entries };
}
