import type { Actor } from '@portfolio/application';
import { generatePortfolio } from '../generate/generate-portfolio';
import { generateRestated, type GeneratedHistory } from '../generate/generate-restated';
import type { BenchTarget } from '../support/bench-target';
import { openLedgerContext } from '../support/ledger-context';
import { builtApplication } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { timed } from '../support/stats';

export interface IngestInput {
  readonly target: BenchTarget;
  readonly events: number;
  /** Default 'ordinary'. */
  readonly history?: GeneratedHistory;
}

export interface IngestResult {
  readonly events: number;
  readonly commands: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly head: string;
}

const BENCH_ACTOR: Actor = { id: 'bench', name: 'portfolio benchmarks', role: 'admin' };

const commandsOf = (input: IngestInput) =>
  input.history === 'restated' ? generateRestated(input.events) : generatePortfolio({ events: input.events });

/**
 * (a) Batched ingest through the command path: every generated command goes through the ledger, its route, the fold
 * and decide, the idempotency check and the store's append, as the CLI's importer does.
 */
async function ingest(input: IngestInput): Promise<IngestResult> {
  const context = await openLedgerContext(input.target);
  try {
    const ledger = context.get(builtApplication().Ledger);
    let events = 0;
    let commands = 0;
    let head = 0n;
    const { seconds } = await timed(async () => {
      for (const { command, idempotencyKey } of commandsOf(input)) {
        const result = await ledger.send(command, BENCH_ACTOR, idempotencyKey);
        events += result.appended;
        commands += 1;
        if (result.position > head) head = result.position;
      }
    });
    return { events, commands, seconds, eventsPerSecond: events / seconds, head: head.toString() };
  } finally {
    await context.close();
  }
}

scenarioMain(module, ingest);
