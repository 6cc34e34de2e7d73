import type { ImportSummary } from './types';

/** A few lines for people: what an import did, what it left out and why. */
export function describeImportSummary(summary: ImportSummary): string {
  const lines = [
    `${summary.aborted ? 'ABORTED' : 'DONE'}: ${summary.rowsRead} rows read`,
    ...summary.files.map(
      (read) => `  file ${read.file}: read as ${read.layout} (${read.rows} rows, sha256 ${read.sha256})`,
    ),
    `  missions defined:       ${summary.missionsDefined}`,
    `  projects launched:      ${summary.projectsLaunched} (redesigned to add indicators: ${summary.projectsRedesigned})`,
    `  targets revised:        ${summary.targetsRevised} (redesigns decided by the release: ${summary.projectsRetargeted})`,
    `  indicators defined:     ${summary.indicatorsDefined} (monitored series without a target: ${summary.indicatorsMonitored.length}; rejected: ${summary.indicatorsRejected.length})`,
    `  measurements:           ${summary.measurementsAdded} added, ${summary.measurementsRestated} restated, ${summary.measurementsUnchanged} unchanged, in ${summary.batchesSent} batches`,
    `  current values (VA):    ${summary.currentValuesPublished} published by the synthesis, new or changed`,
    `  territorial VA:         ${summary.territorialValuesPublished} published for a region or département, new or changed`,
    `  rows rejected:          ${summary.rowsRejected}`,
  ];
  for (const indicator of summary.indicatorsMonitored) {
    lines.push(`    monitored ${indicator.projectId}/${indicator.indicatorId}: ${indicator.reason}`);
  }
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
