import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeReadOnly } from '../libs/event-store/src/testing/storage-faults';
import { API_TOKENS_VARIABLE } from './support/test-app';
import { buildServiceOnce, runServiceToExit } from './support/service-process';

// The built service, as `npm start` runs it, on a data directory it cannot use: it exits 1 with one line that names
// the path and the cause, not a stack.

// Read-only directories are made with POSIX modes or read-only mounts, which Windows does not have.
const posixOnly = process.platform === 'win32' ? describe.skip : describe;
const START_TIMEOUT_MS = 60_000;

beforeAll(buildServiceOnce, 180_000);

/** The lines the service wrote on stderr, without Nest's own start-up log lines. */
function errorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('[NestFactory]') && !line.includes('[InstanceLoader]'));
}

posixOnly('start-up on a data directory that cannot be used', () => {
  let root: string;
  let dataDir: string;
  let restore: (() => void) | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'portfolio-start-'));
    dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'names the database and a read-only directory',
    async () => {
      restore = makeReadOnly(dataDir);
      const { exitCode, stderr } = await runServiceToExit({
        PORTFOLIO_DATA_DIR: dataDir,
        PORTFOLIO_API_TOKENS: API_TOKENS_VARIABLE,
      });
      expect(exitCode).toBe(1);
      const file = join(dataDir, 'portfolio.sqlite');
      expect(errorLines(stderr)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^cannot open the SQLite database ${file}: the file or its directory is read-only, or not writable`,
          ),
        ),
      ]);
    },
    START_TIMEOUT_MS,
  );

  it(
    'names a file that is not a database',
    async () => {
      const file = join(dataDir, 'portfolio.sqlite');
      writeFileSync(file, 'a spreadsheet saved over the database\n'.repeat(200), { mode: 0o600 });
      const { exitCode, stderr } = await runServiceToExit({
        PORTFOLIO_DATA_DIR: dataDir,
        PORTFOLIO_API_TOKENS: API_TOKENS_VARIABLE,
      });
      expect(exitCode).toBe(1);
      expect(errorLines(stderr)).toEqual([
        `cannot open the SQLite database ${file}: the file is not a SQLite database (SQLITE_NOTADB: file is not a database)`,
      ]);
    },
    START_TIMEOUT_MS,
  );

  it(
    'names the file it could not write when the development tokens are to be generated into a read-only directory',
    async () => {
      restore = makeReadOnly(dataDir);
      const { exitCode, stderr } = await runServiceToExit({ PORTFOLIO_DATA_DIR: dataDir });
      expect(exitCode).toBe(1);
      expect(errorLines(stderr)).toEqual([
        expect.stringMatching(new RegExp(`^(EROFS|EACCES): .*, open '${dataDir}/dev-tokens\\.json`)),
      ]);
    },
    START_TIMEOUT_MS,
  );
});
