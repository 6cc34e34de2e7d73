import { AuditExporter, type ExportFormat } from '@portfolio/audit';
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { freshReadModels, withCliContext } from '../cli-context';
import { startProgress } from '../progress';

interface ExportOptions {
  format: ExportFormat;
  out?: string;
  projectId?: string;
  missionCode?: string;
  type?: string;
  actor?: string;
  recordedFrom?: string;
  recordedTo?: string;
  fromPosition?: string;
  toPosition?: string;
}

const EXTENSIONS: Record<ExportFormat, string> = { ndjson: 'ndjson', csv: 'csv', bundle: 'zip' };

/** `portfolio export`: the audit trail to a file, with the filters of GET /audit/export. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the audit trail (ndjson, csv, or a bundle to verify offline)')
    .option('--format <format>', 'ndjson | csv | bundle', 'bundle')
    .option('--out <file>', 'where to write (default: a name with the date and filters)')
    .option('--project-id <id>')
    .option('--mission-code <code>')
    .option('--type <eventType>')
    .option('--actor <actorId>')
    .option('--recorded-from <instant>')
    .option('--recorded-to <instant>')
    .option('--from-position <position>')
    .option('--to-position <position>')
    .action(async ({ format, out, ...filters }: ExportOptions) => {
      if (!Object.hasOwn(EXTENSIONS, format))
        throw new Error(`--format must be one of ${Object.keys(EXTENSIONS).join(', ')}`);
      await withCliContext(async (context) => {
        await freshReadModels(context);
        const exporter = context.get(AuditExporter);
        const plan = await exporter.plan(filters);
        const file = out ?? `${plan.baseName}.${EXTENSIONS[format]}`;
        const stream =
          format === 'bundle' ? exporter.bundle(plan) : format === 'csv' ? exporter.csv(plan) : exporter.ndjson(plan);
        const progress = startProgress('export', 'bytes');
        let bytes = 0;
        const counting = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            progress.update(bytes);
            done(null, chunk);
          },
        });
        await pipeline(stream, counting, createWriteStream(file)).finally(() => progress.stop());
        const { treeSize } = plan.proven.checkpoint;
        process.stdout.write(
          `exported ${plan.filtered ? 'a filtered' : 'the whole'} audit trail up to position ${plan.head}, ` +
            `against the signed checkpoint of the log's ${treeSize} events: ${file}\n`,
        );
      });
    });
}
