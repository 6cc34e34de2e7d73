import type { ImportSummary } from '../import-barometre';
import type { SeedSummary } from './types';

/**
 * A few lines for people: what the seed did, what it refused, and what each Baromètre import did (in short: the rows
 * the Baromètre's own data leaves out are listed by `portfolio import barometre`).
 */
export function describeSeedSummary(summary: SeedSummary): string {
  const done = summary.applied + summary.alreadyThere + summary.refused.length;
  const lines = [
    `${summary.aborted ? 'ABORTED' : 'DONE'}: ${done} of ${summary.steps} demo steps`,
    `  applied:        ${summary.applied} (${summary.eventsAppended} events, Baromètre imports aside)`,
    `  already there:  ${summary.alreadyThere}`,
    `  refused:        ${summary.refused.length}`,
  ];
  for (const step of summary.refused) lines.push(`    ${step.id}: ${step.code}: ${step.message}`);
  for (const release of summary.barometre) {
    lines.push(
      `  Baromètre ${release.release}: ${
        release.summary === undefined ? 'already imported by an earlier seed' : describeImport(release.summary)
      }`,
    );
    if (release.territorial !== undefined) {
      lines.push(`  Baromètre ${release.release}, territorial synthesis: ${describeTerritorial(release.territorial)}`);
    }
  }
  return lines.join('\n');
}

function describeImport(summary: ImportSummary): string {
  const parts = [
    `${summary.aborted ? 'ABORTED, ' : ''}${summary.rowsRead} rows read`,
    `${summary.missionsDefined} missions defined`,
    `${summary.projectsLaunched} projects launched`,
    `${summary.projectsRedesigned} redesigned to add indicators`,
    `${summary.targetsRevised} targets revised by the release`,
    `${summary.indicatorsMonitored.length} indicators monitored without a target`,
    `measurements ${summary.measurementsAdded} added, ${summary.measurementsRestated} restated, ${summary.measurementsUnchanged} unchanged`,
    `${summary.rowsRejected} rows left out (${summary.indicatorsRejected.length} indicators rejected)`,
  ];
  return parts.join(', ');
}

function describeTerritorial(summary: ImportSummary): string {
  return (
    `${summary.aborted ? 'ABORTED, ' : ''}${summary.territorialValuesPublished} current values published for a region ` +
    `or département, ${summary.rowsRejected} rows left out`
  );
}
