import type { Command } from 'commander';
import { freshReadModels, withCliContext } from '../cli-context';
import { startProgress } from '../progress';
import { parityReport } from './parity-report';

/**
 * `portfolio rebuild`: rebuilds the read models from scratch into a new generation, compares it with the live one,
 * then switches. On PostgreSQL a running API leads the projections, and this command refuses (use POST
 * /api/v1/admin/projections/rebuild); on SQLite a running API notices the switch at its next batch.
 */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description(
      'rebuild the read models from the event log (or POST /api/v1/admin/projections/rebuild on a running API)',
    )
    .option(
      '--expect-identical',
      'switch only if the rebuilt read models equal the live ones: on a difference, fail naming the first differing ' +
        'document, and keep the live read models',
    )
    .action(async (options: { expectIdentical?: boolean }) => {
      await withCliContext(async (context) => {
        const runtime = await freshReadModels(context);
        const started = await runtime.rebuild({ expectIdentical: options.expectIdentical === true });
        const progress = startProgress('rebuild', 'events');
        let status = (await runtime.status()).rebuild ?? started;
        // Shown once more when done: a rebuild over before the first look would otherwise report 0 events.
        progress.update(Number(status.position), Number(status.target));
        while (status.state === 'running' || status.state === 'switching') {
          await new Promise((resolve) => setTimeout(resolve, 200));
          status = (await runtime.status()).rebuild ?? status;
          progress.update(Number(status.position), Number(status.target));
        }
        progress.stop();
        if (status.parity !== undefined) process.stdout.write(parityReport(status.parity));
        if (status.state !== 'done') throw new Error(`rebuild failed: ${status.error ?? status.state}`);
        process.stdout.write(`read models rebuilt: generation ${status.generation}, position ${status.position}\n`);
      });
    });
}
