import { generateSigningKey, publicKeyPem } from '@portfolio/audit';
import { SqliteEventStore } from '@portfolio/event-store';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { writeWholeBundle } from '../../../../libs/audit/src/testing/bundle-file';
import { appendSealedLedger } from '../../../../libs/audit/src/testing/sealed-ledger';
import { newWitness } from '../../../../libs/audit/src/verify/testing/anchored-log';
import { instanceCheckpoint, writeExport } from '../../../../libs/audit/src/verify/testing/real-exports';
import { buildServiceOnce } from '../../../../test/support/service-process';
import { runPortfolio } from '../testing/run-portfolio';

// `portfolio verify` as an auditor runs it: the built command in a process of its own, on a bundle the exporter wrote.

const portfolio = (...args: string[]) => runPortfolio(args);

async function zipOf(files: Record<string, string>, path: string): Promise<void> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await writeFile(path, Buffer.concat(chunks));
}

const STACK_FRAME = /^\s+at /m;

let dir: string;
let bundle: string;
let instanceKey: string;
let otherInstanceKey: string;
let csv: string;
let pinned: string;
const witnessVkey = newWitness('witness.example.org/alice').vkey;

beforeAll(async () => {
  await buildServiceOnce();
  dir = await mkdtemp(join(tmpdir(), 'portfolio-verify-cli-'));
  const key = generateSigningKey();
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    const { events } = await appendSealedLedger(store, key);
    bundle = join(dir, 'bundle.zip');
    await writeWholeBundle(store, key, bundle);
    csv = await writeExport(store, key, dir, 'csv');
    pinned = join(dir, 'pinned.note');
    await writeFile(
      pinned,
      instanceCheckpoint(
        key,
        events.map((event) => event.hash),
        8,
      ),
    );
  } finally {
    await store.close();
  }
  instanceKey = join(dir, 'instance.pem');
  await writeFile(instanceKey, publicKeyPem(key));
  otherInstanceKey = join(dir, 'other-instance.pem');
  await writeFile(otherInstanceKey, publicKeyPem(generateSigningKey()));
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

// Each test starts the CLI as a process, once or twice: seconds apiece on a loaded 2-core machine.
jest.setTimeout(30_000);

describe('portfolio verify', () => {
  it('says INTACT and exits 0 with the key of the instance that signed the bundle', async () => {
    const run = await portfolio('verify', bundle, '--public-key', instanceKey);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^INTACT: .*bundle\.zip\n {2}events checked: {2}13 in 6 streams\n {2}seals checked: {3}2\n/,
    );
    expect(run.stdout).toContain('  public key:      auditor\n');
  });

  it('says UNVERIFIED and why, and exits 3, when no key of the instance is given', async () => {
    const run = await portfolio('verify', bundle);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^UNVERIFIED: .*bundle\.zip\n/);
    expect(run.stdout).toContain('  public key:      manifest\n');
    expect(run.stdout).toContain(
      '  why unverified:  no key of the instance was given (--public-key): the key in the bundle proves only that the bundle is self-consistent\n',
    );
  });

  it('says TAMPERED with the first problem, and exits 1, with another instance’s key', async () => {
    const run = await portfolio('verify', bundle, '--public-key', otherInstanceKey);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^TAMPERED: .*bundle\.zip\n[\s\S]*\n {2}first problem: {3}wrong_key at file manifest\.json\n/,
    );
  });

  it('says the same with the events read in this thread alone (--workers 0), and refuses a count that is none', async () => {
    const run = await portfolio('verify', bundle, '--public-key', instanceKey, '--workers', '0');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^INTACT: .*bundle\.zip\n {2}events checked: {2}13 in 6 streams\n/);
    const refused = await portfolio('verify', bundle, '--workers', 'many');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('--workers takes a number of threads (0 to 999), not many');
  });

  it('documents its exit codes in --help', async () => {
    const run = await portfolio('verify', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Exit codes:\n {2}0 {2}INTACT .*\n {2}1 {2}TAMPERED .*\n {2}2 {2}UNUSABLE .*\n {2}3 {2}UNVERIFIED /,
    );
  });
});

describe('portfolio verify exits 2 and says in words why, without a stack trace, when the input cannot be checked', () => {
  beforeAll(async () => {
    const whole = await readFile(bundle);
    await writeFile(join(dir, 'truncated.zip'), whole.subarray(0, Math.floor(whole.length / 2)));
    await zipOf({ 'holiday.jpg': 'not an export' }, join(dir, 'photos.zip'));
    await zipOf({ 'manifest.json': '{"format":' }, join(dir, 'bad-manifest.zip'));
  });

  it.each([
    ['a truncated zip', 'truncated.zip', /^UNUSABLE: .*truncated\.zip\n[\s\S]*cannot be read as a zip/],
    [
      'a missing file',
      'missing.zip',
      /^UNUSABLE: .*missing\.zip\n[\s\S]*cannot be read as a zip: there is no such file or folder\n/,
    ],
    ['a directory', '.', /^UNUSABLE: .*\n[\s\S]*cannot be read: it is a folder, not a file\n/],
    ['a zip that is not an export', 'photos.zip', /^UNUSABLE: .*photos\.zip\n[\s\S]*the bundle has no manifest\.json/],
    [
      'a malformed manifest',
      'bad-manifest.zip',
      /^UNUSABLE: .*bad-manifest\.zip\n[\s\S]*first problem: {3}bad_manifest/,
    ],
  ])('%s', async (_case, name, report) => {
    const run = await portfolio('verify', join(dir, name), '--public-key', instanceKey);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(report);
    expect(run.stdout).not.toContain('events checked');
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  // Two runs of the command, each a process of its own: more than the default 5 s on a busy machine.
  it('a key file that is missing or not an Ed25519 public key', async () => {
    const missing = await portfolio('verify', bundle, '--public-key', join(dir, 'no-such.pem'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(
      /^UNUSABLE: .*\n {2}the public key file .*no-such\.pem cannot be read: there is no such file or folder\n/,
    );
    const notAKey = await portfolio('verify', bundle, '--public-key', bundle);
    expect(notAKey.code).toBe(2);
    expect(notAKey.stdout).toContain('the public key given to verify with is not an Ed25519 key in PEM');
    expect(missing.stderr + notAKey.stderr).not.toMatch(STACK_FRAME);
  }, 20_000);
});

describe('portfolio verify exits 2 and says why when an anchor it was given cannot be used', () => {
  it.each([
    [
      'a missing pinned checkpoint',
      ['--checkpoint', 'no-such.note'],
      /the --checkpoint file .*no-such\.note cannot be read: there is no such file or folder\n/,
    ],
    [
      'a pinned checkpoint the instance did not sign',
      ['--checkpoint', 'instance.pem'],
      /the pinned checkpoint is not a checkpoint signed by the instance key/,
    ],
    ['a minimum size that is not a number', ['--min-size', 'twelve'], /--min-size must be a whole number of events/],
    [
      'a missing witness key file',
      ['--witness-key', 'no-such.vkey'],
      /the --witness-key file .*no-such\.vkey cannot be read: there is no such file or folder\n/,
    ],
    [
      'a witness key that is not one',
      ['--witness-key', 'w.example+0badc0de+AAAA'],
      /the witness key .* cannot be used/,
    ],
    ['a TSA certificate that is not one', ['--tsa-certificate', 'instance.pem'], /the TSA certificate cannot be used/],
  ])('%s', async (_case, [option, value], message) => {
    const run = await portfolio('verify', bundle, '--public-key', instanceKey, option, join(dir, value));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^UNUSABLE: /);
    expect(run.stdout).toMatch(message);
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
  });

  it('a pinned checkpoint without the instance key to check it with', async () => {
    const run = await portfolio('verify', bundle, '--checkpoint', instanceKey);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'a pinned checkpoint (--checkpoint) is checked with the instance key: give --public-key',
    );
  });
});

describe('portfolio verify with anchors', () => {
  it('says INTACT and what each anchor established when all hold', async () => {
    const run = await portfolio(
      'verify',
      bundle,
      '--public-key',
      instanceKey,
      '--checkpoint',
      pinned,
      '--min-size',
      '13',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  checkpoint:      size 13 of example.gouv.fr/portfolio-ledger\n');
    expect(run.stdout).toContain(
      "  pinned:          the pinned checkpoint (size 8): extends it, by the export's first 8 events\n",
    );
    expect(run.stdout).toContain('  pinned:          size 13, at least 13\n');
  });

  it('says TAMPERED and exits 1 when the export is older than the size required', async () => {
    const run = await portfolio('verify', bundle, '--public-key', instanceKey, '--min-size', '14');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/first problem: {3}older_than_pin\n/);
  });

  it('says UNVERIFIED and exits 3 when a witness given did not cosign', async () => {
    const run = await portfolio('verify', bundle, '--public-key', instanceKey, '--witness-key', witnessVkey);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('  witness:         not proven: the export carries no witnessed checkpoint');
    expect(run.stdout).toContain('  why unverified:  an anchor you gave is not proven by this export');
  });
});

describe('portfolio verify on events.csv', () => {
  it('says INTACT and exits 0 for the CSV the exporter wrote', async () => {
    const run = await portfolio('verify', csv, '--public-key', instanceKey);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^INTACT: .*\.csv\n {2}events checked: {2}13 in 6 streams\n/);
  });

  it('says TAMPERED and exits 1 for the CSV with rows cut and its trailer kept', async () => {
    const lines = (await readFile(csv, 'utf8')).split(/(?<=\n)/);
    const cut = join(dir, 'cut.csv');
    await writeFile(cut, [...lines.slice(0, -3), lines.at(-1)].join(''));
    const run = await portfolio('verify', cut, '--public-key', instanceKey);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/first problem: {3}statement_mismatch/);
  });
});
