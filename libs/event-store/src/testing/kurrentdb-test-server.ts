import { spawnSync } from 'node:child_process';

const HOW_TO_RUN =
  'start one with `docker compose up -d kurrentdb` and run ' +
  '`KURRENTDB_URL="kurrentdb://127.0.0.1:2113?tls=false" npx jest libs/event-store`';

/** The first host:port of a kurrentdb:// or kurrentdb+discover:// (or esdb://) connection string. */
function firstEndpoint(url: string): { host: string; port: number } | undefined {
  const match = /^[a-z+]+:\/\/(?:[^@/]*@)?([^:,/?]+)(?::(\d+))?/i.exec(url);
  return match === null ? undefined : { host: match[1], port: Number(match[2] ?? 2113) };
}

/**
 * Why the KurrentDB tests cannot run here, or undefined when a server answers at KURRENTDB_URL. Synchronous (a TCP
 * probe in a child process) because Jest decides what to skip while it collects the tests.
 */
export function kurrentDbUnavailableReason(): string | undefined {
  const url = process.env.KURRENTDB_URL;
  if (url === undefined || url === '') {
    return `KURRENTDB_URL is not set (no KurrentDB server runs on the CI machines); ${HOW_TO_RUN}`;
  }
  const endpoint = firstEndpoint(url);
  if (endpoint === undefined) return `KURRENTDB_URL is not a KurrentDB connection string: ${url}`;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(${endpoint.port},${JSON.stringify(endpoint.host)},()=>process.exit(0));` +
        `s.on('error',()=>process.exit(1));s.setTimeout(2000,()=>process.exit(1));`,
    ],
    { timeout: 5000 },
  );
  return probe.status === 0
    ? undefined
    : `no KurrentDB server answers at ${endpoint.host}:${endpoint.port} (KURRENTDB_URL); ${HOW_TO_RUN}`;
}

export function kurrentDbTestUrl(): string {
  const url = process.env.KURRENTDB_URL;
  if (url === undefined) throw new Error('KURRENTDB_URL is not set');
  return url;
}
