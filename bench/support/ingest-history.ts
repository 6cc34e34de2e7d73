// A generated history in a benchmark target: ingested through the command path, then projected from scratch.
import { parseEventCount } from '../generate/event-count';
import type { GeneratedHistory } from '../generate/generate-restated';
import type { IngestResult } from '../scenarios/ingest-commands';
import type { ProjectionResult } from '../scenarios/project-from-scratch';
import type { BenchTarget } from './bench-target';
import { runScenario } from './scenario';

export async function ingestAndProject(
  target: BenchTarget,
  size: string,
  history?: GeneratedHistory,
): Promise<{ ingest: IngestResult; projection: ProjectionResult }> {
  const ingest = await runScenario<IngestResult>('bench/scenarios/ingest-commands.ts', {
    target,
    events: parseEventCount(size),
    history,
  });
  const projection = await runScenario<ProjectionResult>('bench/scenarios/project-from-scratch.ts', { target });
  return { ingest, projection };
}
