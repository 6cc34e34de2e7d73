import type { ReadContext } from '@portfolio/read-models';
import { monthEnd, monthsSpanned } from '../generate/generate-portfolio';
import { restatedMonthsSpanned, restatedShapes, type GeneratedHistory } from '../generate/generate-restated';
import { projectShapes, type ProjectShape } from '../generate/portfolio-shape';
import { Prng } from '../generate/prng';
import type { BenchTarget } from '../support/bench-target';
import { openLedgerContext } from '../support/ledger-context';
import { builtApplication, builtReadModels } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { percentile } from '../support/stats';

export interface QueriesInput {
  readonly target: BenchTarget;
  readonly samples: number;
  /** The history the target holds; default 'ordinary'. */
  readonly history?: GeneratedHistory;
}

const HISTORIES: Readonly<
  Record<GeneratedHistory, { months: (events: number) => number; shapes: () => ProjectShape[] }>
> = {
  ordinary: { months: monthsSpanned, shapes: projectShapes },
  restated: { months: restatedMonthsSpanned, shapes: restatedShapes },
};

export interface LatencySummary {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export interface QueriesResult {
  readonly portfolio: LatencySummary;
  readonly project: LatencySummary;
}

const WARM_UP = 5;

async function latencies(samples: number, query: (i: number) => Promise<unknown>): Promise<LatencySummary> {
  const ms: number[] = [];
  for (let i = 0; i < WARM_UP + samples; i += 1) {
    const start = performance.now();
    await query(i);
    if (i >= WARM_UP) ms.push(performance.now() - start);
  }
  return { samples, p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95) };
}

/**
 * (e) Bi-temporal reads at random (at, asOf) pairs: `at` a month end of the generated history, `asOf` a position
 * anywhere in the log, on either generated history. The read models are expected to be projected already (scenario d
 * runs first).
 */
async function temporalQueries(input: QueriesInput): Promise<QueriesResult> {
  const context = await openLedgerContext(input.target);
  try {
    const { portfolioAt, projectDetailAt, ProjectionRuntime } = builtReadModels();
    const { EVENT_STORE, READ_CONTEXT } = builtApplication();
    const runtime = context.get(ProjectionRuntime);
    await runtime.start();
    const head = await context.get<{ head(): Promise<bigint> }>(EVENT_STORE).head();
    await runtime.waitFor(head, 600_000);
    const reads = context.get<ReadContext>(READ_CONTEXT);
    const prng = new Prng(8785);
    const history = HISTORIES[input.history ?? 'ordinary'];
    const months = history.months(Number(head));
    const projects = history.shapes();
    // Past the missions and launches, so that every project read exists at its asOf.
    const launched = projects.length * 2;
    const point = () => ({
      at: monthEnd(prng.below(months)),
      asOf: { position: BigInt(launched + prng.below(Math.max(1, Number(head) - launched))) },
    });
    const portfolio = await latencies(input.samples, () => portfolioAt(reads, point()));
    const project = await latencies(input.samples, () =>
      projectDetailAt(reads, prng.pick(projects).projectId, point()),
    );
    await runtime.stop();
    return { portfolio, project };
  } finally {
    await context.close();
  }
}

scenarioMain(module, temporalQueries);
