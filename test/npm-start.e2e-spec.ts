import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServiceOnce, fetchService, freePort, startService, type ServiceProcess } from './support/service-process';

// `npm start` on a current build, as a newcomer restarts the service: it serves at once, without building again
// (test/build-stamp.spec.ts covers when it does build).

const ROOT = join(__dirname, '..');
const NPM_START = join(ROOT, 'scripts', 'start.js');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const STAMP = join(ROOT, 'dist', '.built-from');

let dataDir: string;
let service: ServiceProcess | undefined;
beforeAll(async () => {
  await buildServiceOnce();
  dataDir = mkdtempSync(join(tmpdir(), 'portfolio-npm-start-'));
}, 180_000);
afterAll(async () => {
  await service?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts the built service without building again when the build is current', async () => {
    const [builtAt, builtFrom] = [statSync(MAIN).mtimeMs, readFileSync(STAMP, 'utf8')];
    const started = Date.now();

    service = await startService(await freePort(), { PORTFOLIO_DATA_DIR: dataDir }, NPM_START);

    expect((await fetchService(`${service.url}/health/ready`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(statSync(MAIN).mtimeMs).toBe(builtAt);
    expect(readFileSync(STAMP, 'utf8')).toBe(builtFrom);
  }, 30_000);
});
