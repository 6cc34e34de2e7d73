import type { BenchTarget } from '../support/bench-target';
import { freshReadModels, openLedgerContext } from '../support/ledger-context';
import { builtApplication } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { timed } from '../support/stats';

export interface ProjectionResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * (d) The read models built from scratch: the runtime, started on empty read models, projects the whole log into its
 * first generation through the same batch loop that POST /admin/projections/rebuild runs into a new one.
 */
async function projectFromScratch(input: { readonly target: BenchTarget }): Promise<ProjectionResult> {
  const context = await openLedgerContext(input.target);
  try {
    const head = await context.get<{ head(): Promise<bigint> }>(builtApplication().EVENT_STORE).head();
    const { result: runtime, seconds } = await timed(() => freshReadModels(context));
    await runtime.stop();
    return { events: Number(head), seconds, eventsPerSecond: Number(head) / seconds };
  } finally {
    await context.close();
  }
}

scenarioMain(module, projectFromScratch);
