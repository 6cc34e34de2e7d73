import type { ImportSummary } from './types';

/** A few lines for people: what an import did, what it left out and why. */
export function describeImportSummary(summary: ImportSummary): string {
  const lines = [
    `${summary.aborted ? 'ABORTED' : 'DONE'}: ${summary.rowsRead} rows read`,
    `  missions defined:       ${summary.missionsDefined}`,
    `  projects launched:      ${summary.projectsLaunched} (redesigned to add indicators: ${summary.projectsRedesigned})`,
    `  indicators defined:     ${summary.indicatorsDefined} (rejected: ${summary.indicatorsRejected.length})`,
    `  measurements:           ${summary.measurementsAdded} added, ${summary.measurementsRestated} restated, ${summary.measurementsUnchanged} unchanged, in ${summary.batchesSent} batches`,
    `  rows rejected:          ${summary.rowsRejected}`,
  ];
  for (const indicator of summary.indicatorsRejected) {
    lines.push(`    indicator ${indicator.projectId}/${indicator.indicatorId}: ${indicator.reason}`);
  }
  for (const row of summary.rejected) lines.push(`    ${row.file}:${row.line}: ${row.reason}`);
  if (summary.rowsRejected > summary.rejected.length) {
    lines.push(`    … and ${summary.rowsRejected - summary.rejected.length} more rejected rows`);
  }
  for (const warning of summary.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}
