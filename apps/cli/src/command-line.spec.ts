import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommandLine } from './main';

// What `portfolio` answers before any command runs: its version, its help, and mistakes in how it was called.

const VERSION = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string })
  .version;

/**
 * Runs `portfolio <args>` in this process: the exit status it would have (its own, or the one a command set) and what
 * it wrote, leaving the test process's exit status as it was.
 */
async function portfolio(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out.stdout += chunk), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out.stderr += chunk), true));
  const exitCodeBefore = process.exitCode;
  try {
    process.exitCode = undefined;
    const status = await runCommandLine(['node', 'portfolio', ...args]);
    return { status: status ?? Number(process.exitCode ?? 0), ...out };
  } finally {
    process.exitCode = exitCodeBefore;
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('portfolio', () => {
  it.each(['--version', '-V'])('prints the version of portfolio-ledger with %s', async (flag) => {
    expect(await portfolio(flag)).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('names a mistyped option as unknown, not the required option it was meant to be, and exits 2', async () => {
    const run = await portfolio('import', 'barometre', '--detial', 'detail.csv');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: unknown option '--detial'\n/);
    expect(run.stderr).not.toContain('required option');
  });

  it.each([
    [
      'an unknown option of a command with no required one',
      ['rebuild', '--expect-identicall'],
      "unknown option '--expect-identicall'",
    ],
    ['an unknown option of a default subcommand', ['tokens', '--rol', 'auditor'], "unknown option '--rol'"],
    ['an unknown option before the command', ['--verbose', 'rebuild'], "unknown option '--verbose'"],
    ['an unknown command', ['rebuilt'], "unknown command 'rebuilt'"],
    ['a required option missing', ['import', 'barometre'], "required option '--detail <file>' not specified"],
    ['an argument missing', ['verify'], "missing required argument 'file'"],
    ['no command', [], 'Usage: portfolio'],
  ])('exits 2 on a usage error: %s', async (_, args, said) => {
    const run = await portfolio(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(said);
  });

  it.each([
    ['a command', ['verify', '--help'], 'Usage: portfolio verify [options] <file>'],
    ['a command with a required option', ['import', 'barometre', '--help'], 'Usage: portfolio import barometre'],
    ['a command, after a mistyped option', ['import', 'barometre', '--detial', 'x.csv', '-h'], '--detail <file>'],
    ['a default subcommand', ['tokens', 'list', '--help'], 'Usage: portfolio tokens list'],
  ])('prints the help of %s, and exits 0', async (_, args, said) => {
    const run = await portfolio(...args);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(said);
  });

  it('documents its exit codes in --help, and exits 0', async () => {
    const run = await portfolio('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('-V, --version');
    expect(run.stdout).toMatch(/Exit codes[^\n]*\n {2}0 {4}done\n {2}1 {4}done, with something to look at/);
    expect(run.stdout).toMatch(/\n {2}2 {4}not done: an unknown command or option/);
    expect(run.stdout).toMatch(/\n {2}130 {2}interrupted/);
  });

  it('says a failure in one line on stderr, and exits 2', async () => {
    const run = await portfolio('tokens', 'generate', '--role', 'owner');
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'portfolio: --role must be one of admin, programme-office, auditor, reviewer\n',
    });
  });

  describe('says in words why a file cannot be used, never with an error code', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'portfolio-cli-files-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const CODE = /E[A-Z]{3,}/;

    it.each([
      [
        'a missing export',
        () => [join(dir, 'missing.zip')],
        'missing.zip cannot be read as a zip: there is no such file or folder',
      ],
      ['a folder', () => [dir], 'cannot be read: it is a folder, not a file'],
      [
        'a missing key file',
        () => [join(dir, 'missing.zip'), '--public-key', join(dir, 'key.pem')],
        /the public key file \S+key\.pem cannot be read: there is no such file or folder/,
      ],
    ])('verify: %s', async (_, args, said) => {
      const run = await portfolio('verify', ...args());
      expect(run.status).toBe(2);
      expect(run.stdout).toMatch(/^UNUSABLE: /);
      expect(run.stdout).toMatch(said);
      expect(run.stdout).not.toMatch(CODE);
    });

    it('witness keygen: a key file that exists already, which it never overwrites', async () => {
      const key = join(dir, 'witness.pem');
      writeFileSync(key, 'kept');
      const run = await portfolio('witness', 'keygen', '--out', key, '--name', 'w1');
      expect(run).toEqual({ status: 2, stdout: '', stderr: `portfolio: ${key}: it already exists\n` });
      expect(readFileSync(key, 'utf8')).toBe('kept');
    });
  });
});
