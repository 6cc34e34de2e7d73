import { generateSigningKey, signingKeyToPem } from '@portfolio/audit';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { buildProgram } from '../apps/cli/src/main';
import { bearer, startTestApp, TOKENS, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

// `portfolio witness` against the real service: it cosigns a growing log and refuses another log signed by the same key.

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

async function serve(): Promise<{ app: TestApp; url: string; vkey: string }> {
  const app = await startTestApp('sqlite', { signingKeyFile, checkpointIntervalMs: 60_000 });
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

describe('portfolio witness', () => {
  it('cosigns a growing log, then refuses a rewound and a forked one signed by the same key', async () => {
    const witnessKey = join(dir, 'witness.pem');
    const keygen = await portfolio('witness', 'keygen', '--out', witnessKey, '--name', 'witness.example');
    expect(keygen.stdout).toMatch(/^witness\.example\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*\n$/);
    expect((await stat(witnessKey)).mode & 0o777).toBe(0o600);

    const log = await serve();
    const state = join(dir, 'state.json');
    const witness = (url: string) =>
      portfolio(
        'witness',
        '--url',
        url,
        '--token',
        TOKENS.auditor,
        '--log-key',
        log.vkey,
        '--key',
        witnessKey,
        '--name',
        'witness.example',
        '--state',
        state,
        '--once',
        '--print-vkey',
      );

    await post(log.app, '/api/v1/missions', idnumMission);
    await post(log.app, '/api/v1/review-cycles', citp5);
    await untilCheckpointed(log.app, 2);
    const first = await witness(log.url);
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    expect(first.stdout).toBe(`${keygen.stdout}— witness.example ${first.stdout.split(' ').pop()}`);
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ size: 2 });

    await post(log.app, '/api/v1/projects', franceConnectLaunch);
    await post(log.app, '/api/v1/review-cycles', { ...citp5, cycleId: 'citp-6', heldOn: '2021-07-23' });
    await untilCheckpointed(log.app, 4);
    expect(await witness(log.url)).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('— witness.example '),
    });
    const cosigned = await readFile(state, 'utf8');
    expect(JSON.parse(cosigned)).toMatchObject({ size: 4 });

    const other = await serve();
    await post(other.app, '/api/v1/review-cycles', citp5);
    await untilCheckpointed(other.app, 1);
    const rewound = await witness(other.url);
    expect(rewound).toMatchObject({ exitCode: 1, stdout: `${keygen.stdout}` });
    expect(rewound.stderr).toBe(
      'REFUSED: rewound log: the checkpoint has 1 events, fewer than the 4 already cosigned\n',
    );

    await post(other.app, '/api/v1/missions', idnumMission);
    await post(other.app, '/api/v1/projects', franceConnectLaunch);
    await post(other.app, '/api/v1/review-cycles', { ...citp5, cycleId: 'citp-7', heldOn: '2021-07-23' });
    await untilCheckpointed(other.app, 4);
    const forked = await witness(other.url);
    expect(forked.exitCode).toBe(1);
    expect(forked.stderr).toMatch(/^REFUSED: forked log: at the same size 4 /);
    expect(await readFile(state, 'utf8')).toBe(cosigned);
  }, 120_000);
});
