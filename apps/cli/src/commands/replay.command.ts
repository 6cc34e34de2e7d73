import { READ_CONTEXT } from '@portfolio/application';
import { parseAsOf, parseDate, projectReplay, type ReadContext } from '@portfolio/read-models';
import type { Command } from 'commander';
import { freshReadModels, withCliContext } from '../cli-context';

/** `portfolio replay <projectId>`: each event of a project, one per line, with the project right after it. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description("replay a project's history: each event with its summary and the project's state after it")
    .argument('<projectId>', 'the project, e.g. franceconnect')
    .option('--at <date>', 'business date (YYYY-MM-DD) up to which facts count')
    .option(
      '--as-of <position|instant|series:id>',
      'what was known: a position, an ISO instant or a release (barometre:2023-01-19)',
    )
    .option('--json', 'one JSON document per event instead of text')
    .action(async (projectId: string, options: { at?: string; asOf?: string; json?: boolean }) => {
      // The same parsing, and refusals, as the API's `at` and `asOf` query parameters.
      const at = options.at === undefined ? undefined : parseDate(options.at, 'at');
      const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf, 'asOf');
      await withCliContext(async (context) => {
        await freshReadModels(context);
        const reads = context.get<ReadContext>(READ_CONTEXT);
        let after: bigint | undefined;
        do {
          const page = await projectReplay(reads, projectId, { at, asOf, after, limit: 500 });
          for (const item of page.items) {
            if (options.json) {
              process.stdout.write(`${JSON.stringify(item)}\n`);
              continue;
            }
            const state = item.state;
            const status =
              state === null
                ? ''
                : ` → ${state.status}${state.health === null ? '' : `, ${state.health}`}, plan v${state.planVersion}, milestones ${state.milestones.reached}/${state.milestones.total}`;
            process.stdout.write(`#${item.revision} ${item.businessDate} ${item.summary}${status}\n`);
          }
          after = page.nextCursor === null ? undefined : BigInt(page.nextCursor);
        } while (after !== undefined);
      });
    });
}
