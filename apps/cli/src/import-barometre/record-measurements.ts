import {
  DomainError,
  NATIONAL_TERRITORY,
  isPublishedAlready,
  knownValue,
  territoryKey,
  type DomainCommand,
  type MeasurementInput,
  type MeasurementRelease,
  type PublishedBasis,
  type RecordMeasurements,
  type Territory,
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

/** A synthesis's current value (VA) of one indicator, dated by its period (date_valeur_actuelle), with its VI and VC. */
export interface CurrentValue {
  readonly indicatorId: string;
  readonly value: number;
  readonly period: string;
  readonly against: PublishedBasis;
}

/** A synthesis's current value as the release's published current value: national, or of the territory given. */
export function publishedCurrentOf(
  { indicatorId, value, period, against, territory }: CurrentValue & { readonly territory?: Territory },
  { source, release }: Sending,
): MeasurementInput {
  return {
    indicatorId,
    ...(territory === undefined ? {} : { territory }),
    value,
    period,
    source,
    ...(release === undefined ? {} : { release }),
    publishedCurrent: true,
    ...(Object.keys(against).length === 0 ? {} : { publishedAgainst: against }),
  };
}

/**
 * Records the synthesis's current values (VA) of the project's indicators as the release's published current values,
 * from which its progress was published: those the project already holds as published are not sent again. A refused
 * command leaves a warning (the detail's values are recorded all the same). Returns false when the import was aborted.
 */
export async function recordCurrentValues(
  plan: ProjectPlan,
  values: readonly CurrentValue[],
  sending: Sending,
  ports: LedgerPort,
  findings: Findings,
): Promise<boolean> {
  const state = await ports.project(plan.projectId);
  if (state.status !== 'active') return true;
  const national = territoryKey(NATIONAL_TERRITORY);
  const pending = values.filter(({ indicatorId, value, period, against }) => {
    if (!Object.hasOwn(state.indicators, indicatorId) || state.indicators[indicatorId].retired) return false;
    const known = Object.hasOwn(state.publishedCurrent, indicatorId)
      ? state.publishedCurrent[indicatorId][national]
      : undefined;
    return !isPublishedAlready(known, { value, period, against });
  });
  if (pending.length === 0) return true;
  const command: RecordMeasurements = {
    type: 'RecordMeasurements',
    projectId: plan.projectId,
    measurements: pending.map((value) => publishedCurrentOf(value, sending)),
  };
  try {
    const sent = await sending.send(command, sending.idempotencyKey(['current', plan.projectId], command));
    if (sent === undefined) return false;
    findings.currentValuesPublished += sent.appended;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    findings.warnings.push(`${plan.projectId}: the synthesis's current values were refused: ${error.message}`);
  }
  return true;
}
