import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@portfolio/application';
import { DEFAULT_LANGUAGE } from '@portfolio/read-models';
import { Counter, Histogram, type Registry } from 'prom-client';
import { toProblem } from '../../http/to-problem';
import { DURATION_BUCKETS, METRICS_REGISTRY } from './metrics-registry';

/**
 * `appended`: events written; `unchanged`: nothing to write (the same value again); `replayed`: an idempotency key's
 * first answer; `refused`: a client error (validation, domain rule, conflict); `failed`: anything else.
 */
export type CommandOutcome = 'appended' | 'unchanged' | 'replayed' | 'refused' | 'failed';

/** What the ledger takes in through the API: events appended, and each command's outcome and duration. */
@Injectable()
export class CommandMetrics {
  private readonly appended: Counter<'command'>;
  private readonly durations: Histogram<'command' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.appended = new Counter({
      name: 'portfolio_events_appended_total',
      help: 'events appended to the log, by the command that decided them',
      labelNames: ['command'],
      registers: [registry],
    });
    this.durations = new Histogram({
      name: 'portfolio_command_duration_seconds',
      help: 'commands by type and outcome, and how long each took to load its stream, decide and append',
      labelNames: ['command', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
  }

  /** Runs the command, counting what it appended and timing it whatever its outcome. */
  async observe(command: string, run: () => Promise<CommandResult>): Promise<CommandResult> {
    const stop = this.durations.startTimer({ command });
    try {
      const result = await run();
      if (!result.replayed) this.appended.inc({ command }, result.appended);
      stop({ outcome: result.replayed ? 'replayed' : result.appended > 0 ? 'appended' : 'unchanged' });
      return result;
    } catch (error) {
      stop({ outcome: toProblem(error, '', DEFAULT_LANGUAGE).status < 500 ? 'refused' : 'failed' });
      throw error;
    }
  }
}
