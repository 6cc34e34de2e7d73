import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { OpenAPIObject } from '@nestjs/swagger';
import { freePort } from '../../libs/event-store/src/testing/free-port';
import { build, fullBuild } from '../../scripts/build-stamp';
import { checkResponse, contractOf, type Contract } from './response-contract';

export { freePort };

const ROOT = join(__dirname, '..', '..');
const SERVICE_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const BUILT_FOR = join(ROOT, 'dist', '.built-for-test-run');
const BUILD_LOCK = join(
  tmpdir(),
  `portfolio-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
);

function tryLock(): boolean {
  try {
    mkdirSync(BUILD_LOCK);
    return true;
  } catch {
    // A lock left by a run that was killed mid-build is stale after five minutes.
    const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
    if (lock !== undefined && Date.now() - lock.mtimeMs > 300_000) rmdirSync(BUILD_LOCK);
    return false;
  }
}

/**
 * Builds the service as `npm run build` does, once per Jest run: the suites that spawn it must run the code under
 * test, not a stale build, and must not rebuild it under each other's running processes.
 */
export async function buildServiceOnce(): Promise<void> {
  const run = process.env.PORTFOLIO_TEST_RUN ?? `process-${process.pid}`;
  while (!tryLock()) await new Promise((resolve) => setTimeout(resolve, 200));
  try {
    let built: string | undefined;
    try {
      built = readFileSync(BUILT_FOR, 'utf8');
    } catch {
      built = undefined;
    }
    if (built === run) return;
    // Recorded as `npm start` records its builds: a start after the tests does not build again.
    build(ROOT, (root) => fullBuild(root, 'ignore'));
    writeFileSync(BUILT_FOR, run);
  } finally {
    rmdirSync(BUILD_LOCK);
  }
}

/** The document each service serves at /docs-json, by origin: what a service promises depends on its configuration. */
const contracts = new Map<string, Promise<Contract>>();

async function readContract(origin: string): Promise<Contract> {
  const response = await fetch(`${origin}/docs-json`);
  if (!response.ok) throw new Error(`${origin}/docs-json answered ${response.status}`);
  return contractOf((await response.json()) as OpenAPIObject);
}

/** Read once per origin (a service restarted on the same port serves the same build); asked again after a failure. */
function contractServedAt(origin: string): Promise<Contract> {
  let contract = contracts.get(origin);
  if (contract === undefined) {
    contract = readContract(origin);
    contracts.set(origin, contract);
    contract.catch(() => contracts.delete(origin));
  }
  return contract;
}

/**
 * Checks a response of a spawned service against the OpenAPI document the service serves; a violation fails the test,
 * as for the in-process application.
 */
export async function checkServiceResponse(
  url: string,
  method: string,
  status: number,
  contentType: string | undefined,
  body: string,
): Promise<void> {
  const { origin, pathname, search } = new URL(url);
  checkResponse(await contractServedAt(origin), method, `${pathname}${search}`, status, contentType, () => body);
}

/**
 * `fetch` against a spawned service, its response checked (checkServiceResponse). A request that gets no response
 * (refused, reset by a kill) rejects as `fetch` does and is not a response to check.
 */
export async function fetchService(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  const contentType = response.headers.get('Content-Type') ?? undefined;
  await checkServiceResponse(url, init?.method ?? 'GET', response.status, contentType, await response.clone().text());
  return response;
}

/** The built service (`npm run build`), as `npm start` runs it: a real process that a test can kill -9. */
export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, as in a power cut of the process. */
  kill(): Promise<void>;
}

/** `node dist/apps/api/src/main.js`; or, with `script`, the service as another launcher runs it (`npm start`'s). */
export async function startService(
  port: number,
  env: Record<string, string>,
  script = SERVICE_MAIN,
): Promise<ServiceProcess> {
  // SERVICE_STDERR=inherit shows the service's own log when a crash test needs explaining.
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', process.env.SERVICE_STDERR === 'inherit' ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Read while the service is up: a suite may go on asking a service that is shutting down or killed.
  await contractServedAt(url);
  return {
    url,
    child,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** How a start of the built service ended when it never came up. */
export interface FailedStart {
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** Runs the built service expecting it to stop on its own (a start refused); kills it after `timeoutMs` if not. */
export async function runServiceToExit(env: Record<string, string>, timeoutMs = 30_000): Promise<FailedStart> {
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: { ...process.env, ...env, PORT: String(await freePort()) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { exitCode, stderr };
}
