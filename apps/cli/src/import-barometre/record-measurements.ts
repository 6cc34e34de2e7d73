import {
  DomainError,
  knownValue,
  type DomainCommand,
  type MeasurementInput,
  type MeasurementRelease,
  type RecordMeasurements,
} from '@portfolio/domain';
import type { DetailRow } from './barometre-files';
import type { Findings } from './findings';
import type { ProjectPlan } from './project-plans';
import type { LedgerPort } from '../ledger-port';

export interface Sending {
  readonly batchSize: number;
  readonly source: string;
  /** The release every value is recorded from; none when the release's date is not known. */
  readonly release: MeasurementRelease | undefined;
  readonly send: (command: DomainCommand, key: string) => Promise<{ readonly appended: number } | undefined>;
  readonly idempotencyKey: (parts: readonly (string | number)[], command: DomainCommand) => string;
}

/**
 * The project's rows in batches of `batchSize`, in file order, each counted against the project as read just before
 * it. A batch whose values are all known is not sent. Returns false when the import was aborted.
 */
export async function recordMeasurements(
  plan: ProjectPlan,
  rows: readonly DetailRow[],
  sending: Sending,
  ports: LedgerPort,
  findings: Findings,
): Promise<boolean> {
  for (let start = 0, chunk = 0; start < rows.length; start += sending.batchSize, chunk += 1) {
    const batch = rows.slice(start, start + sending.batchSize);
    const state = await ports.project(plan.projectId);
    const measurements = state.status === 'not_launched' ? {} : state.measurements;
    let added = 0;
    let restated = 0;
    for (const row of batch) {
      // Rows were deduplicated on reading, so no row of a batch restates another one of the same batch.
      const known = knownValue(measurements, row.indicatorId, row.territory, row.period);
      if (known === undefined) added += 1;
      else if (known !== row.value) restated += 1;
    }
    const unchanged = batch.length - added - restated;
    if (added + restated > 0) {
      const command: RecordMeasurements = {
        type: 'RecordMeasurements',
        projectId: plan.projectId,
        measurements: batch.map((row) => measurementOf(row, sending)),
      };
      try {
        const sent = await sending.send(command, sending.idempotencyKey(['batch', plan.projectId, chunk], command));
        if (sent === undefined) return false;
        findings.batchesSent += 1;
        if (sent.appended !== added + restated) {
          findings.warnings.push(
            `${plan.projectId} batch ${chunk}: ${added + restated} values were new or changed, the ledger appended ${sent.appended} (written meanwhile by someone else?)`,
          );
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        findings.rejectRows(
          batch,
          `RecordMeasurements refused for the batch of ${batch.length} rows: ${error.message}`,
        );
        continue;
      }
    }
    findings.measurementsAdded += added;
    findings.measurementsRestated += restated;
    findings.measurementsUnchanged += unchanged;
    findings.done(batch.length);
  }
  return true;
}

function measurementOf(row: DetailRow, { source, release }: Sending): MeasurementInput {
  const { indicatorId, value, period, territory } = row;
  return { indicatorId, value, period, territory, source, ...(release === undefined ? {} : { release }) };
}
