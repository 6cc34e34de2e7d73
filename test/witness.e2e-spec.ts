import {
  cosignatureSigner,
  ed25519NoteVerifier,
  formatSignatureLine,
  generateSigningKey,
  openCheckpoint,
  parseNote,
  signingKeyFromPem,
  signingKeyToPem,
  signText,
} from '@portfolio/audit';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { buildProgram } from '../apps/cli/src/main';
import { cosignatureVerifier } from '../libs/audit/src/transparency/cosignature';
import { bearer, startTestApp, TOKENS, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

// `portfolio witness` against the real service: it cosigns a growing log and hands its cosignatures back, which the
// service serves with the checkpoints; it refuses another log signed by the same key; forged cosignatures are refused.

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command line, in this process: what it wrote and the exit status it set. */
async function portfolio(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = 0;
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'portfolio', ...args]);
    return { exitCode: Number(process.exitCode), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = 0;
  }
}

const post = (app: TestApp, path: string, body: object) =>
  request(app.app.getHttpServer()).post(path).set(bearer('programme-office')).send(body).expect(201);

async function untilCheckpointed(app: TestApp, size: number): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const { body } = await request(app.app.getHttpServer()).get('/api/v1/audit/checkpoints').set(bearer('auditor'));
    if ((body as { treeSize: number }[]).some((checkpoint) => checkpoint.treeSize === size)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no checkpoint of size ${size} signed after 20 s`);
}

let dir: string;
let signingKeyFile: string;
const apps: TestApp[] = [];

/** An instance signing with the shared log key, accepting the cosignatures of the witnesses given. */
async function serve(witnessKeys: readonly string[] = []): Promise<{ app: TestApp; url: string; vkey: string }> {
  const app = await startTestApp('sqlite', { signingKeyFile, checkpointIntervalMs: 60_000, witnessKeys });
  apps.push(app);
  await app.app.listen(0, '127.0.0.1');
  const { vkey } = (await request(app.app.getHttpServer()).get('/api/v1/audit/public-key').set(bearer('auditor')))
    .body as { vkey: string };
  return { app, url: await app.app.getUrl(), vkey };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portfolio-witness-'));
  signingKeyFile = join(dir, 'log-key.pem');
  await writeFile(signingKeyFile, signingKeyToPem(generateSigningKey()));
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await rm(dir, { recursive: true, force: true });
});

/** A witness key made by `portfolio witness keygen`: its file and its verifier key. */
async function keygen(name: string): Promise<{ file: string; vkey: string }> {
  const file = join(dir, `${name}.pem`);
  const made = await portfolio('witness', 'keygen', '--out', file, '--name', name);
  return { file, vkey: made.stdout.trim() };
}

/** One round of `portfolio witness` by the witness `name` (its key made by keygen) against the log at `url`. */
const witnessOnce = (url: string, logVkey: string, name: string, state: string) =>
  portfolio(
    'witness',
    '--url',
    url,
    '--token',
    TOKENS.auditor,
    '--log-key',
    logVkey,
    '--key',
    join(dir, `${name}.pem`),
    '--name',
    name,
    '--state',
    state,
    '--once',
    '--print-vkey',
  );

const auditorGet = (app: TestApp, path: string) =>
  request(app.app.getHttpServer()).get(path).set(bearer('auditor')).expect(200);

/** The served note opens with the log key and the witness's: its cosignatures are the witness's. */
function witnessesOf(note: string, logVkey: string, witnessVkey: string): string[] {
  const witness = cosignatureVerifier(witnessVkey, { now: () => new Date(), maxSkewSeconds: 60 });
  return openCheckpoint(note, ed25519NoteVerifier(logVkey), [witness]).cosignatures.map(({ name }) => name);
}

describe('portfolio witness', () => {
  it('cosigns a growing log and hands each cosignature back, then refuses a rewound and a forked one signed by the same key', async () => {
    const witness = await keygen('witness.example');
    expect(witness.vkey).toMatch(/^witness\.example\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
    expect((await stat(witness.file)).mode & 0o777).toBe(0o600);

    const log = await serve([witness.vkey]);
    const state = join(dir, 'state.json');
    const run = (url: string) => witnessOnce(url, log.vkey, 'witness.example', state);

    await post(log.app, '/api/v1/missions', idnumMission);
    await post(log.app, '/api/v1/review-cycles', citp5);
    await untilCheckpointed(log.app, 2);
    const first = await run(log.url);
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    const line = first.stdout.split('\n')[1];
    expect(first.stdout).toBe(`${witness.vkey}\n${line}\n`);
    expect(line).toMatch(/^— witness\.example /);
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ size: 2 });
    // Served with the checkpoint: in its note, which the witness key verifies, and in the list.
    const served = (await auditorGet(log.app, '/api/v1/audit/checkpoint')).text;
    expect(served.endsWith(`\n${line}\n`)).toBe(true);
    expect(witnessesOf(served, log.vkey, witness.vkey)).toEqual(['witness.example']);
    const listed = (await auditorGet(log.app, '/api/v1/audit/checkpoints?after=1')).body as {
      cosignatures: string[];
    }[];
    expect(listed.map((checkpoint) => checkpoint.cosignatures)).toEqual([[line]]);

    await post(log.app, '/api/v1/projects', franceConnectLaunch);
    await post(log.app, '/api/v1/review-cycles', { ...citp5, cycleId: 'citp-6', heldOn: '2021-07-23' });
    await untilCheckpointed(log.app, 4);
    const second = await run(log.url);
    expect(second).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('— witness.example '), stderr: '' });
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ size: 4 });
    const latest = (await auditorGet(log.app, '/api/v1/audit/checkpoint')).text;
    expect(openCheckpoint(latest, ed25519NoteVerifier(log.vkey)).checkpoint.size).toBe(4);
    expect(witnessesOf(latest, log.vkey, witness.vkey)).toEqual(['witness.example']);
    // Again at the same size: the served note now carries the witness's line, yet it hands back its new line alone,
    // and the instance keeps the first.
    expect(await run(log.url)).toMatchObject({ exitCode: 0, stderr: '' });
    expect((await auditorGet(log.app, '/api/v1/audit/checkpoint')).text).toBe(latest);
    const cosigned = await readFile(state, 'utf8');
    // An export made now ends with the checkpoint the witness cosigned, its line included, proven a prefix of the
    // export's own: offline, an auditor can require that witness.
    const exported = (await auditorGet(log.app, '/api/v1/audit/export?format=ndjson')).text.trimEnd().split('\n');
    const { exportTrailer } = JSON.parse(exported[exported.length - 1]) as {
      exportTrailer: { witnessed?: { checkpoint: string; proof: string[] } };
    };
    expect(exportTrailer.witnessed).toEqual({ checkpoint: latest, proof: [] });
    // And `portfolio verify` requires it: INTACT with that witness's key, UNVERIFIED with another's.
    const exportFile = join(dir, 'export.ndjson');
    await writeFile(exportFile, `${exported.join('\n')}\n`);
    const keyFile = join(dir, 'instance.pem');
    const { publicKeyPem } = (await auditorGet(log.app, '/api/v1/audit/public-key')).body as { publicKeyPem: string };
    await writeFile(keyFile, publicKeyPem);
    const required = await portfolio('verify', exportFile, '--public-key', keyFile, '--witness-key', witness.vkey);
    expect(required.exitCode).toBe(0);
    expect(required.stdout).toMatch(
      /\n {2}witness: {9}witness witness\.example \(key ID [0-9a-f]{8}\) cosigned size 4 at /,
    );
    const absent = await keygen('absent.example');
    const unknown = await portfolio('verify', exportFile, '--public-key', keyFile, '--witness-key', absent.vkey);
    expect(unknown.exitCode).toBe(3);
    expect(unknown.stdout).toMatch(/absent\.example .* did not cosign the export's witnessed checkpoint \(size 4\)/);

    const other = await serve();
    await post(other.app, '/api/v1/review-cycles', citp5);
    await untilCheckpointed(other.app, 1);
    const rewound = await run(other.url);
    expect(rewound).toMatchObject({ exitCode: 1, stdout: `${witness.vkey}\n` });
    expect(rewound.stderr).toBe(
      'REFUSED: rewound log: the checkpoint has 1 events, fewer than the 4 already cosigned\n',
    );

    await post(other.app, '/api/v1/missions', idnumMission);
    await post(other.app, '/api/v1/projects', franceConnectLaunch);
    await post(other.app, '/api/v1/review-cycles', { ...citp5, cycleId: 'citp-7', heldOn: '2021-07-23' });
    await untilCheckpointed(other.app, 4);
    const forked = await run(other.url);
    expect(forked.exitCode).toBe(1);
    expect(forked.stderr).toMatch(/^REFUSED: forked log: at the same size 4 /);
    expect(await readFile(state, 'utf8')).toBe(cosigned);
  }, 120_000);

  it('is refused by an instance that does not know its key, and forged cosignatures are refused', async () => {
    const trusted = await keygen('trusted.example');
    await keygen('stranger.example');
    const log = await serve([trusted.vkey]);
    await post(log.app, '/api/v1/missions', idnumMission);
    await post(log.app, '/api/v1/review-cycles', citp5);
    await untilCheckpointed(log.app, 2);

    const unknown = await witnessOnce(log.url, log.vkey, 'stranger.example', join(dir, 'stranger.json'));
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(
      /^NOT STORED: the instance refused the cosignature: 403 unknown_witness: no witness key configured here signed it: .*stranger\.example/,
    );

    await post(log.app, '/api/v1/projects', franceConnectLaunch);
    await post(log.app, '/api/v1/review-cycles', { ...citp5, cycleId: 'citp-6', heldOn: '2021-07-23' });
    await untilCheckpointed(log.app, 4);
    const noteAt = async (size: number) => {
      const { body } = await auditorGet(log.app, `/api/v1/audit/checkpoints?after=${size - 1}&limit=1`);
      return (body as { note: string }[])[0].note;
    };
    const [textOf2, textOf4] = [parseNote(await noteAt(2)).text, parseNote(await noteAt(4)).text];
    const key = signingKeyFromPem(await readFile(trusted.file, 'utf8'));
    const cosign = (text: string) =>
      formatSignatureLine(
        signText(
          text,
          cosignatureSigner('trusted.example', key, () => new Date()),
        ),
      );
    const handIn = (body: string, type = 'text/plain') =>
      request(log.app.app.getHttpServer())
        .post('/api/v1/audit/checkpoint/cosignatures')
        .set(bearer('auditor'))
        .type(type)
        .send(body);

    // The trusted witness's line over the checkpoint of size 4, handed in with the text of size 2.
    const overAnotherSize = await handIn(`${textOf2}\n${cosign(textOf4)}\n`);
    expect(overAnotherSize.body).toMatchObject({ status: 422, code: 'invalid_cosignature' });
    // A checkpoint of size 4 with another root, cosigned by the trusted witness: not the one signed here.
    const otherRoot = textOf4.replace(/\n[^\n]+\n$/, `\n${Buffer.alloc(32, 7).toString('base64')}\n`);
    const forkedCheckpoint = await handIn(`${otherRoot}\n${cosign(otherRoot)}\n`);
    expect(forkedCheckpoint.body).toMatchObject({ status: 409, code: 'checkpoint_mismatch' });
    const beyondTheLog = textOf4.replace(/\n4\n/, '\n9\n');
    expect((await handIn(`${beyondTheLog}\n${cosign(beyondTheLog)}\n`)).body).toMatchObject({
      status: 404,
      code: 'unknown_checkpoint',
    });
    expect((await handIn(cosign(textOf4))).body).toMatchObject({ status: 400, code: 'malformed_cosignature' });
    expect((await handIn(JSON.stringify({ note: textOf4 }), 'application/json')).status).toBe(415);
    for (const size of [2, 4]) expect(parseNote(await noteAt(size)).signatures).toHaveLength(1);

    // The real one is kept, and served.
    const genuine = await handIn(`${textOf4}\n${cosign(textOf4)}\n`).expect(200);
    expect(genuine.body).toEqual({ treeSize: 4, cosignatures: [expect.stringMatching(/^— trusted\.example /)] });
    const served = (await auditorGet(log.app, '/api/v1/audit/checkpoint')).text;
    expect(witnessesOf(served, log.vkey, trusted.vkey)).toEqual(['trusted.example']);
  }, 120_000);
});
