import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServiceOnce, fetchService, freePort, startService } from './support/service-process';

// PORTFOLIO_HOST, as the built service reads it at start: where it listens, and a start-up error for a bad address.

/** Starting the built service takes seconds on a busy machine. */
const START_TIMEOUT_MS = 60_000;

beforeAll(buildServiceOnce, 180_000);

const hasIpv6Loopback = Object.values(networkInterfaces()).some((addresses) =>
  addresses?.some((address) => address.address === '::1'),
);

/** Whether anything answers HTTP at that address. */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetchService(`${url}/health/live`, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

describe('the address the service listens on', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'portfolio-host-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'listens on every interface by default, the IPv6 ones included where the machine has them',
    async () => {
      const port = await freePort();
      const service = await startService(port, { PORTFOLIO_DATA_DIR: dataDir });
      try {
        expect(await answers(`http://127.0.0.1:${port}`)).toBe(true);
        if (hasIpv6Loopback) expect(await answers(`http://[::1]:${port}`)).toBe(true);
      } finally {
        await service.kill();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'listens on PORTFOLIO_HOST only',
    async () => {
      const port = await freePort();
      const service = await startService(port, { PORTFOLIO_DATA_DIR: dataDir, PORTFOLIO_HOST: '127.0.0.1' });
      try {
        expect(await answers(`http://127.0.0.1:${port}`)).toBe(true);
        // Listening on every interface, as without PORTFOLIO_HOST, would answer on the IPv6 loopback too.
        expect(await answers(`http://[::1]:${port}`)).toBe(false);
      } finally {
        await service.kill();
      }
    },
    START_TIMEOUT_MS,
  );

  it.each([
    ['an address that is not one', 'http://127.0.0.1', /PORTFOLIO_HOST must be an IPv4 or IPv6 address/],
    // TEST-NET-3 (RFC 5737): no machine has it.
    ['an address of no interface here', '203.0.113.7', /cannot listen on 203\.0\.113\.7:\d+: no interface of this/],
  ])(
    'refuses %s at start, saying why',
    async (_, host, why) => {
      const port = await freePort();
      await expect(startService(port, { PORTFOLIO_DATA_DIR: dataDir, PORTFOLIO_HOST: host })).rejects.toThrow(why);
    },
    START_TIMEOUT_MS,
  );
});
