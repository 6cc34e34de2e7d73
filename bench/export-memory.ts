import { join } from 'node:path';
import type { ExportResult } from './scenarios/export-audit-trail';
import type { IngestResult } from './scenarios/ingest-commands';
import type { ProjectionResult } from './scenarios/project-from-scratch';
import type { VerifyResult } from './scenarios/verify-offline';
import { createTarget, dropTarget, type BenchTarget } from './support/bench-target';
import { runScenario } from './support/scenario';

/** The bound on a bundle of 1M events, full or filtered, when exported and when verified. */
export const BUNDLE_RSS_LIMIT_MB = 256;

/** One step of the memory run, in a process of its own: its peak RSS is its own. */
export interface MemoryStep {
  readonly step: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssMb: number;
}

export interface MemoryResults {
  readonly events: number;
  readonly ingest: IngestResult;
  readonly projection: ProjectionResult;
  readonly steps: readonly MemoryStep[];
}

/**
 * Everything after the first event: a filtered export (inclusion proofs, chain anchors) as large as the log, the
 * worst case of a filtered bundle.
 */
const FILTERS = { fromPosition: '2' } as const;

/** Exports a full and a filtered bundle of the target's log, then verifies each: the steps the bound is about. */
export async function exportAndVerify(target: BenchTarget): Promise<MemoryStep[]> {
  const steps: MemoryStep[] = [];
  for (const [name, filters] of [
    ['full', {}],
    ['filtered', FILTERS],
  ] as const) {
    const file = join(target.dataDir, `audit-${name}.zip`);
    const exported = await runScenario<ExportResult>('bench/scenarios/export-audit-trail.ts', {
      target,
      format: 'bundle',
      file,
      filters,
    });
    steps.push({ step: `export ${name} bundle`, ...exported });
    const verified = await runScenario<VerifyResult>('bench/scenarios/verify-offline.ts', { bundle: file });
    steps.push({ step: `verify ${name} bundle`, ...verified });
  }
  return steps.map(({ step, events, seconds, eventsPerSecond, peakRssMb }) => ({
    step,
    events,
    seconds,
    eventsPerSecond,
    peakRssMb,
  }));
}

/**
 * `npm run bench -- --memory[=SIZE]`: a SQLite log of `events` ingested through the command path and projected (a
 * filtered export selects through the audit log's index), then both bundles exported and verified.
 */
export async function measureExportMemory(events: number, log: (message: string) => void): Promise<MemoryResults> {
  const target = await createTarget('sqlite');
  try {
    const ingest = await runScenario<IngestResult>('bench/scenarios/ingest-commands.ts', { target, events });
    log(`ingested ${ingest.events} events at ${Math.round(ingest.eventsPerSecond)}/s`);
    const projection = await runScenario<ProjectionResult>('bench/scenarios/project-from-scratch.ts', { target });
    log(`projected at ${Math.round(projection.eventsPerSecond)}/s`);
    const steps = await exportAndVerify(target);
    return { events: ingest.events, ingest, projection, steps };
  } finally {
    await dropTarget(target);
  }
}

/** The steps as a Markdown table, each against the bound. */
export function memoryTable(results: MemoryResults): string {
  const rows = results.steps.map(
    (step) =>
      `| ${step.step} | ${Math.round(step.eventsPerSecond).toLocaleString('en')} | ${step.seconds.toFixed(1)} | ` +
      `${step.peakRssMb} | ${step.peakRssMb <= BUNDLE_RSS_LIMIT_MB ? '✅' : '❌'} |`,
  );
  return [
    `${results.events.toLocaleString('en')} events (SQLite), ingested at ${Math.round(results.ingest.eventsPerSecond).toLocaleString('en')}/s`,
    '',
    `| step | events/s | seconds | peak RSS (MB) | ≤ ${BUNDLE_RSS_LIMIT_MB} MB |`,
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
