import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, signingKeyToPem } from '@portfolio/audit';
import { buildServiceOnce, fetchService, freePort, startService } from './support/service-process';

// The built service on the embedded store, started with the usual umask (022): what it leaves on disk is its own.

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posixOnly = process.platform === 'win32' ? describe.skip : describe;
/** Starting the built service takes seconds on a busy machine. */
const START_TIMEOUT_MS = 30_000;

beforeAll(buildServiceOnce, 180_000);

posixOnly('files of the embedded store', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'portfolio-files-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'creates the data directory 0700, and the database, its WAL, the key and the tokens 0600',
    async () => {
      const dataDir = join(root, 'data');
      const service = await startService(await freePort(), { PORTFOLIO_DATA_DIR: dataDir });
      try {
        const files = ['portfolio.sqlite', 'portfolio.sqlite-wal', 'portfolio.sqlite-shm', 'seal-signing-key.pem'];
        const modes = Object.fromEntries(
          [...files, 'dev-tokens.json'].map((name) => [name, modeOf(join(dataDir, name))]),
        );
        expect({ dataDir: modeOf(dataDir), ...modes }).toEqual({
          dataDir: 0o700,
          ...Object.fromEntries([...files, 'dev-tokens.json'].map((name) => [name, 0o600])),
        });
      } finally {
        await service.kill();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'makes a signing key that everyone can read 0600 at start',
    async () => {
      const dataDir = join(root, 'data');
      mkdirSync(dataDir, { mode: 0o700 });
      const key = join(dataDir, 'seal-signing-key.pem');
      writeFileSync(key, signingKeyToPem(generateSigningKey()), { mode: 0o644 });
      const service = await startService(await freePort(), { PORTFOLIO_DATA_DIR: dataDir });
      try {
        expect((await fetchService(`${service.url}/health/ready`)).ok).toBe(true);
        expect(modeOf(key)).toBe(0o600);
      } finally {
        await service.kill();
      }
    },
    START_TIMEOUT_MS,
  );
});
