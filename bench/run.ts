import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureExportMemory, memoryTable } from './export-memory';
import { parseEventCount } from './generate/event-count';
import type { PeerAppendResult } from './peers/emmett/emmett-append';
import { PROFILES, type BenchProfile } from './profiles';
import { RESULTS_DIR, writeBenchmarksDoc } from './report/write-benchmarks-doc';
import type { DiskBytesResult } from './scenarios/disk-bytes';
import type { ExportResult } from './scenarios/export-audit-trail';
import type { ResponsivenessResult } from './scenarios/responsiveness';
import { BENCH_OPERATORS, BENCH_TOKEN, startBenchService } from './scenarios/service';
import type { CapacityResult } from './scenarios/http-capacity';
import type { LoadResult } from './scenarios/http-load-generator';
import type { ClosedLoopResult } from './support/closed-loop';
import type { IngestResult } from './scenarios/ingest-commands';
import type { ProjectionResult } from './scenarios/project-from-scratch';
import type { StoreAppendResult } from './scenarios/store-append-result';
import type { QueriesResult } from './scenarios/temporal-queries';
import type { VerifyResult } from './scenarios/verify-offline';
import type { WorkspaceInteractiveResult } from './scenarios/workspace-interactive';
import { withTarget, type BenchTarget, type StoreKind } from './support/bench-target';
import { describeMachine, type MachineDescription } from './support/machine';
import { ingestAndProject } from './support/ingest-history';
import { medianOfRuns } from './support/median-of-runs';
import { processCpuMs } from './support/process-cpu';
import { processMemory } from './support/process-memory';
import { ROOT } from './support/product';
import { runScenario } from './support/scenario';
import { measureWorkspace, workspaceOnDemo, workspaceRun } from './workspace';

/** One history size on one store: every path measured on that history. */
export interface SizeResult {
  readonly ingest: IngestResult;
  readonly projection: ProjectionResult;
  readonly queries: QueriesResult;
  /** The store's size once the history is projected; absent from results measured before the bench had it. */
  readonly disk?: DiskBytesResult;
  readonly export?: { readonly ndjson: ExportResult; readonly bundle: ExportResult; readonly verify: VerifyResult };
  readonly coldStartSeconds?: number;
  /** How the service answered during a rebuild, an export and a verification; absent from older results. */
  readonly responsiveness?: ResponsivenessResult;
  /** The web workspace's Portefeuille page on the service just started; absent from older results. */
  readonly workspace?: WorkspaceInteractiveResult;
}

/** The closed-loop capacity, with the service process's memory around it (the service exposes none of its own). */
export interface HttpCapacity extends CapacityResult {
  /** Resident set size of the service once ready, before the load generator's first request. */
  readonly serviceRssBeforeMb: number;
  readonly serviceRssAfterMb: number;
  /** The service's highest resident set size over its whole life, the run included. */
  readonly servicePeakRssMb: number;
  /**
   * RSS growth over the run per thousand commands answered: heap growth included, most of it the heap settling in
   * (it flattens over longer runs), so an upper bound of what each command leaves behind.
   */
  readonly rssGrowthKbPer1000Commands: number;
  /** The service's CPU time (user and system) over the run per command answered: its cost, however busy the machine. */
  readonly serviceCpuUsPerCommand: number;
  /** The liveness probe closed loop on the same service afterwards: the HTTP stack's ceiling, before any command work. */
  readonly healthProbe: ClosedLoopResult;
}

export interface StoreResult {
  readonly storeLevel: StoreAppendResult;
  readonly peer: PeerAppendResult;
  /** Open loop at the profile's rate. */
  readonly http: LoadResult;
  /** Closed loop; absent from results measured before the bench had it. */
  readonly httpCapacity?: HttpCapacity;
  readonly sizes: Readonly<Record<string, SizeResult>>;
  /** As-of reads on a history of national values restated often; absent from results measured before the bench had it. */
  readonly restated?: RestatedResult;
  /** The web workspace's Portefeuille page on the demo (`portfolio seed demo`); absent from older results. */
  readonly workspaceDemo?: WorkspaceInteractiveResult;
}

/** The history restated often (see generateRestated), ingested, projected and queried at one size. */
export interface RestatedResult {
  readonly size: string;
  readonly ingest: IngestResult;
  readonly projection: ProjectionResult;
  readonly queries: QueriesResult;
}

export interface BenchResults {
  readonly profile: BenchProfile;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineDescription;
  readonly stores: Readonly<Record<StoreKind, StoreResult>>;
}

const PEER_DIR = join(ROOT, 'bench', 'peers', 'emmett');
const STORES: readonly StoreKind[] = ['sqlite', 'postgres'];

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The product as `npm start` runs it. */
function buildProduct(): void {
  log('building the product (npm run build)');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The product, and the peer in its own folder (installed on first use). */
function prepare(): void {
  buildProduct();
  if (!existsSync(join(PEER_DIR, 'node_modules'))) {
    log('installing the Emmett peer (npm ci --prefix bench/peers/emmett; compiles sqlite3 once, a few minutes)');
    execFileSync('npm', ['ci', '--prefix', PEER_DIR], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** (b, c) The store-level workload on the product's store and on the peer, side by side in one run. */
function storeLevel(
  kind: StoreKind,
  profile: BenchProfile,
): Promise<{ own: StoreAppendResult; peer: PeerAppendResult }> {
  return withTarget(kind, async (target) => {
    const input = {
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      events: profile.storeEvents,
      batchSize: profile.appendBatch,
    };
    const own = await runScenario<StoreAppendResult>(`bench/scenarios/${kind}-append.ts`, input);
    const peer = await runScenario<PeerAppendResult>('bench/peers/emmett/emmett-append.ts', { ...input, kind });
    return { own, peer };
  });
}

/** (a) Single commands over HTTP: the built service, and the load generator in a process of its own. */
function httpCommands(kind: StoreKind, profile: BenchProfile): Promise<LoadResult> {
  return withTarget(kind, async (target) => {
    const { service } = await startBenchService(target);
    try {
      return await runScenario<LoadResult>('bench/scenarios/http-load-generator.ts', {
        url: service.url,
        token: BENCH_TOKEN,
        ...profile.http,
      });
    } finally {
      await service.kill();
    }
  });
}

const MB = 1024 * 1024;

/** (a) The same commands closed loop, on a service of its own, and what the service's memory did meanwhile. */
function httpCapacity(kind: StoreKind, profile: BenchProfile): Promise<HttpCapacity> {
  return withTarget(kind, async (target) => {
    const { service } = await startBenchService(target);
    try {
      const pid = service.child.pid as number;
      const before = processMemory(pid);
      const cpuBefore = processCpuMs(pid);
      const capacity = await runScenario<CapacityResult>('bench/scenarios/http-capacity.ts', {
        url: service.url,
        token: BENCH_TOKEN,
        clients: profile.http.clients,
        seconds: profile.http.seconds,
        projects: profile.http.projects,
      });
      const after = processMemory(pid);
      const cpuMs = processCpuMs(pid) - cpuBefore;
      const healthProbe = await runScenario<ClosedLoopResult>('bench/scenarios/http-probe-capacity.ts', {
        url: service.url,
        clients: profile.http.clients,
        seconds: profile.http.seconds,
      });
      return {
        ...capacity,
        serviceRssBeforeMb: Math.round(before.rssBytes / MB),
        serviceRssAfterMb: Math.round(after.rssBytes / MB),
        servicePeakRssMb: Math.round(after.peakRssBytes / MB),
        rssGrowthKbPer1000Commands: Math.round((after.rssBytes - before.rssBytes) / 1024 / (capacity.succeeded / 1000)),
        serviceCpuUsPerCommand: Math.round((cpuMs * 1000) / capacity.succeeded),
        healthProbe,
      };
    } finally {
      await service.kill();
    }
  });
}

/**
 * The first start of the service on a history it has never served (seconds until /health/ready answers 200), the
 * web workspace's Portefeuille page on it, then, if asked, how it answers while a rebuild, an export and a
 * verification of that history run in it.
 */
async function serveHistory(
  target: BenchTarget,
  profile: BenchProfile,
  probe: boolean,
): Promise<{ coldStartSeconds: number; workspace: WorkspaceInteractiveResult; responsiveness?: ResponsivenessResult }> {
  const { service, seconds } = await startBenchService(target);
  try {
    const workspace = await measureWorkspace(service.url, profile.workspaceLoads);
    if (!probe) return { coldStartSeconds: seconds, workspace };
    const responsiveness = await runScenario<ResponsivenessResult>('bench/scenarios/responsiveness.ts', {
      url: service.url,
      ...BENCH_OPERATORS,
    });
    return { coldStartSeconds: seconds, workspace, responsiveness };
  } finally {
    await service.kill();
  }
}

/** (a, d-h) One history of `size` events: ingested, projected, queried, weighed on disk, started on, exported, verified. */
function history(kind: StoreKind, size: string, profile: BenchProfile): Promise<SizeResult> {
  return withTarget(kind, async (target) => {
    const { ingest, projection } = await ingestAndProject(target, size);
    log(`${kind} ${size}: ingested ${ingest.events} events at ${Math.round(ingest.eventsPerSecond)}/s`);
    const queries = await runScenario<QueriesResult>('bench/scenarios/temporal-queries.ts', {
      target,
      samples: profile.querySamples,
    });
    const disk = await runScenario<DiskBytesResult>('bench/scenarios/disk-bytes.ts', { target });
    log(`${kind} ${size}: ${Math.round(disk.bytesPerEvent)} bytes on disk per event`);
    const exported = profile.exportSizes.includes(size);
    const served = await serveHistory(target, profile, exported);
    log(`${kind} ${size}: cold start to /health/ready in ${served.coldStartSeconds.toFixed(2)} s`);
    log(`${kind} ${size}: Portefeuille page interactive in ${served.workspace.interactiveMedianMs} ms (median)`);
    const measured = { ingest, projection, queries, disk, ...served };
    if (!exported) return measured;
    const file = (name: string) => join(target.dataDir, name);
    const ndjson = await runScenario<ExportResult>('bench/scenarios/export-audit-trail.ts', {
      target,
      format: 'ndjson',
      file: file('events.ndjson'),
    });
    const bundle = await runScenario<ExportResult>('bench/scenarios/export-audit-trail.ts', {
      target,
      format: 'bundle',
      file: file('audit.zip'),
    });
    const verify = await runScenario<VerifyResult>('bench/scenarios/verify-offline.ts', { bundle: file('audit.zip') });
    return { ...measured, export: { ndjson, bundle, verify } };
  });
}

/** (e) As-of reads on a history whose national values are restated often, the shape that made them slow. */
function restatedHistory(kind: StoreKind, size: string, profile: BenchProfile): Promise<RestatedResult> {
  return withTarget(kind, async (target) => {
    const history = 'restated';
    const { ingest, projection } = await ingestAndProject(target, size, history);
    log(`${kind} ${size} restated: ingested ${ingest.events} events at ${Math.round(ingest.eventsPerSecond)}/s`);
    const queries = await runScenario<QueriesResult>('bench/scenarios/temporal-queries.ts', {
      target,
      samples: profile.querySamples,
      history,
    });
    return { size, ingest, projection, queries };
  });
}

async function measureStore(kind: StoreKind, profile: BenchProfile): Promise<StoreResult> {
  const levels: { own: StoreAppendResult; peer: PeerAppendResult }[] = [];
  const http: LoadResult[] = [];
  const capacity: HttpCapacity[] = [];
  for (let run = 1; run <= profile.runs; run += 1) {
    log(`${kind}: store-level workload and peer, run ${run} of ${profile.runs}`);
    levels.push(await storeLevel(kind, profile));
    log(`${kind}: HTTP commands, run ${run} of ${profile.runs}`);
    http.push(await httpCommands(kind, profile));
    log(`${kind}: HTTP capacity, run ${run} of ${profile.runs}`);
    capacity.push(await httpCapacity(kind, profile));
  }
  const sizes: Record<string, SizeResult> = {};
  for (const size of profile.sizes) {
    const runs = parseEventCount(size) >= 1_000_000 ? profile.runsAtScale : profile.runs;
    const results: SizeResult[] = [];
    for (let run = 1; run <= runs; run += 1) {
      log(`${kind}: history of ${size} events, run ${run} of ${runs}`);
      results.push(await history(kind, size, profile));
    }
    sizes[size] = medianOfRuns(results);
  }
  const restatedRuns = parseEventCount(profile.restatedSize) >= 1_000_000 ? profile.runsAtScale : profile.runs;
  const restated: RestatedResult[] = [];
  for (let run = 1; run <= restatedRuns; run += 1) {
    log(`${kind}: history of ${profile.restatedSize} events restated often, run ${run} of ${restatedRuns}`);
    restated.push(await restatedHistory(kind, profile.restatedSize, profile));
  }
  log(`${kind}: the web workspace's Portefeuille page on the demo`);
  const workspaceDemo = await workspaceOnDemo(kind, profile.workspaceLoads);
  const level = medianOfRuns(levels);
  return {
    storeLevel: level.own,
    peer: level.peer,
    http: medianOfRuns(http),
    httpCapacity: medianOfRuns(capacity),
    sizes,
    restated: medianOfRuns(restated),
    workspaceDemo,
  };
}

/** `--memory[=SIZE]` (default 1M): only the bundles' export and verify, each step's peak RSS against the bound. */
async function memoryRun(size: string): Promise<void> {
  buildProduct();
  const results = await measureExportMemory(parseEventCount(size), log);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest-memory.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${memoryTable(results)}\n`);
}

/** `--only workspace [--size SIZE] [--store KIND]`: the web workspace's page alone (see workspaceRun). */
function onlyRun(argv: readonly string[], profile: BenchProfile): Promise<void> {
  const only = argv[argv.indexOf('--only') + 1];
  if (only !== 'workspace') throw new Error(`--only ${only}: only "workspace" can run alone`);
  return workspaceRun(argv, profile.workspaceLoads, log);
}

async function main(): Promise<void> {
  const memory = process.argv.find((arg) => arg === '--memory' || arg.startsWith('--memory='));
  if (memory !== undefined) return memoryRun(memory.split('=')[1] ?? '1M');
  const profile = PROFILES[process.argv.includes('--full') ? 'full' : 'quick'];
  if (process.argv.includes('--only')) return onlyRun(process.argv, profile);
  const startedAt = new Date().toISOString();
  prepare();
  const machine = await describeMachine();
  const stores = {} as Record<StoreKind, StoreResult>;
  for (const kind of STORES) stores[kind] = await measureStore(kind, profile);
  const results: BenchResults = { profile, startedAt, finishedAt: new Date().toISOString(), machine, stores };
  const dir = RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.replace(/[:.]/g, '-')}-${profile.name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, `latest-${profile.name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeBenchmarksDoc();
  log(`results: ${file}; table: docs/benchmarks.md`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
