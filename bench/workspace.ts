// The web workspace's Portefeuille page in the bench: measured on a running service, on the demo, and alone
// (`npm run bench -- --only workspace [--size SIZE] [--store sqlite|postgres]`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build-stamp';
import { projected } from '../test/browser/support/workspace-service';
import { RESULTS_DIR } from './report/write-benchmarks-doc';
import { workspaceFigure } from './report/workspace-verdicts';
import type { WorkspaceInteractiveResult } from './scenarios/workspace-interactive';
import { BENCH_ROLE_TOKENS, benchServiceEnv, startBenchService } from './scenarios/service';
import { withTarget, type BenchTarget, type StoreKind } from './support/bench-target';
import { ingestAndProject } from './support/ingest-history';
import { ROOT } from './support/product';
import { runScenario } from './support/scenario';

/** The page opened `loads` times by a reviewer on the service at `url`, each in a fresh browser context. */
export function measureWorkspace(url: string, loads: number): Promise<WorkspaceInteractiveResult> {
  return runScenario<WorkspaceInteractiveResult>('bench/scenarios/workspace-interactive.ts', {
    url,
    token: BENCH_ROLE_TOKENS.reviewer,
    loads,
  });
}

/** The service started on `target`, once its read models have caught up with its log, and the page measured. */
async function servedAndMeasured(target: BenchTarget, loads: number): Promise<WorkspaceInteractiveResult> {
  const { service } = await startBenchService(target);
  try {
    await projected(service.url);
    return await measureWorkspace(service.url, loads);
  } finally {
    await service.kill();
  }
}

/** The demo (`portfolio seed demo`, as the README's quick start) in a fresh store of `kind`, and the page on it. */
export function workspaceOnDemo(kind: StoreKind, loads: number): Promise<WorkspaceInteractiveResult> {
  return withTarget(kind, async (target) => {
    execFileSync(process.execPath, [join(ROOT, 'bin', 'portfolio.js'), 'seed', 'demo'], {
      env: { ...process.env, ...benchServiceEnv(target) },
      stdio: 'ignore',
    });
    return servedAndMeasured(target, loads);
  });
}

/** A generated history of `size` events, ingested and projected in a fresh store of `kind`, and the page on it. */
function workspaceAtSize(
  kind: StoreKind,
  size: string,
  loads: number,
  log: (line: string) => void,
): Promise<WorkspaceInteractiveResult> {
  return withTarget(kind, async (target) => {
    const { ingest } = await ingestAndProject(target, size);
    log(`${kind} ${size}: ${ingest.events} events ingested and projected; the page next`);
    return servedAndMeasured(target, loads);
  });
}

const optionOf = (argv: readonly string[], name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
};

/** Only the page's measurements: on the demo, and on a history of `--size` events if given, on each store asked. */
export async function workspaceRun(argv: readonly string[], loads: number, log: (line: string) => void): Promise<void> {
  if (ensureBuilt(ROOT)) log('built the product (it was stale)');
  const size = optionOf(argv, '--size');
  const store = optionOf(argv, '--store');
  if (store !== undefined && store !== 'sqlite' && store !== 'postgres')
    throw new Error(`--store ${store}: sqlite or postgres`);
  const stores: StoreKind[] = store === undefined ? ['sqlite', 'postgres'] : [store];
  const results: Record<string, WorkspaceInteractiveResult> = {};
  for (const kind of stores) {
    log(`${kind}: the Portefeuille page on the demo`);
    results[`${kind} demo`] = await workspaceOnDemo(kind, loads);
    if (size === undefined) continue;
    log(`${kind}: the Portefeuille page on a history of ${size} events`);
    results[`${kind} ${size}`] = await workspaceAtSize(kind, size, loads, log);
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest-workspace.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const [where, r] of Object.entries(results)) {
    process.stdout.write(`${where}, over ${r.loads} loads: interactive ${workspaceFigure(r)}\n`);
  }
}
