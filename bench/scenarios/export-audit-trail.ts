import { createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { BenchTarget } from '../support/bench-target';
import { freshReadModels, openLedgerContext } from '../support/ledger-context';
import { builtAudit } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { peakRssMb, timed } from '../support/stats';

export interface ExportInput {
  readonly target: BenchTarget;
  readonly format: 'ndjson' | 'bundle';
  readonly file: string;
  /** As `portfolio export` takes them (e.g. `fromPosition`); none exports the whole log. */
  readonly filters?: Readonly<Record<string, string>>;
}

export interface ExportResult {
  /** Events of the log the export's checkpoint covers (a filtered export holds some of them). */
  readonly events: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssMb: number;
}

/** (f) The whole audit trail exported to a file, as `portfolio export` writes it; one format per process (peak RSS). */
async function exportAuditTrail(input: ExportInput): Promise<ExportResult> {
  const context = await openLedgerContext(input.target);
  const filtered = Object.keys(input.filters ?? {}).length > 0;
  // A filtered export selects through the read models, which `portfolio export` brings up to the head first.
  const runtime = filtered ? await freshReadModels(context) : undefined;
  try {
    const exporter = context.get(builtAudit().AuditExporter);
    const { result: plan, seconds } = await timed(async () => {
      const exportPlan = await exporter.plan(input.filters ?? {});
      const stream = input.format === 'bundle' ? exporter.bundle(exportPlan) : exporter.ndjson(exportPlan);
      await pipeline(stream, createWriteStream(input.file));
      return exportPlan;
    });
    const events = Number(plan.head);
    return {
      events,
      bytes: statSync(input.file).size,
      seconds,
      eventsPerSecond: events / seconds,
      peakRssMb: peakRssMb(),
    };
  } finally {
    await runtime?.stop();
    await context.close();
  }
}

scenarioMain(module, exportAuditTrail);
