import { CLOCK, todayInParis, type Clock } from '@portfolio/application';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { withCliContext } from '../cli-context';
import { interruptSignal } from '../interrupt-signal';
import { ledgerPort } from '../ledger-port';
import { startProgress } from '../progress';
import { describeSeedSummary, seedDemo } from '../seed-demo';

/**
 * The repository's demo-data folder: found upwards from this file (apps/cli/src/commands when run from the sources,
 * dist/apps/cli/src/commands once built), else ./demo-data.
 */
function defaultDataDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'demo-data');
    if (existsSync(join(candidate, 'barometre', 'secteurs.csv'))) return candidate;
    if (dirname(dir) === dir) return resolve('demo-data');
  }
}

/** `portfolio seed demo`: the Tech.gouv demo portfolio, written through the command handlers; running it twice is safe. */
export function registerSeedDemo(program: Command): void {
  const seed = program.command('seed').description('fill the ledger with demonstration data');
  seed
    .command('demo')
    .description(
      'the Tech.gouv portfolio (8 missions, CITP reviews, redesigns, closures) and the Baromètre releases of 2021-07-23 and 2023-01-19',
    )
    .option('--data-dir <dir>', 'the demo-data folder (holding barometre/)', defaultDataDir())
    .action(async (options: { dataDir: string }) => {
      await withCliContext(async (context) => {
        const interrupt = interruptSignal();
        const progress = startProgress('seed', 'steps');
        const summary = await seedDemo(ledgerPort(context), {
          dataDir: options.dataDir,
          today: todayInParis(context.get<Clock>(CLOCK)),
          signal: interrupt.signal,
          onProgress: (done, total) => progress.update(done, total),
        }).finally(() => {
          progress.stop();
          interrupt.dispose();
        });
        process.stdout.write(`${describeSeedSummary(summary)}\n`);
        if (summary.aborted) process.exitCode = 130;
        else if (summary.refused.length > 0) process.exitCode = 1;
      });
    });
}
