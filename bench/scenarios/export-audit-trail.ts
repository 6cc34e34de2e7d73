import { createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { BenchTarget } from '../support/bench-target';
import { openLedgerContext } from '../support/ledger-context';
import { builtAudit } from '../support/product';
import { scenarioMain } from '../support/scenario';
import { peakRssMb, timed } from '../support/stats';

export interface ExportInput {
  readonly target: BenchTarget;
  readonly format: 'ndjson' | 'bundle';
  readonly file: string;
}

export interface ExportResult {
  readonly events: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly peakRssMb: number;
}

/** (f) The whole audit trail exported to a file, as `portfolio export` writes it; one format per process (peak RSS). */
async function exportAuditTrail(input: ExportInput): Promise<ExportResult> {
  const context = await openLedgerContext(input.target);
  try {
    const exporter = context.get(builtAudit().AuditExporter);
    const { result: plan, seconds } = await timed(async () => {
      const exportPlan = await exporter.plan({});
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
    await context.close();
  }
}

scenarioMain(module, exportAuditTrail);
