import {
  DomainError,
  isPublishedAlready,
  territoryKey,
  type ActiveProject,
  type ProjectState,
  type RecordMeasurements,
} from '@portfolio/domain';
import type { Findings } from './findings';
import { publishedCurrentOf, type Sending } from './record-measurements';
import type { TerritorialSynthesis, TerritorialValue } from './territorial-synthesis';
import type { LedgerPort } from '../ledger-port';

/**
 * Records a territorial synthesis's current values, project by project, as the release's published current values of
 * each territory, read after the detail's projects were sent (so an indicator this import defined is known). A row
 * whose indicator the project does not define (a territorial synthesis defines none) is rejected, as is every row of
 * a command the domain refuses; values already published identically for their territory are not sent again.
 * Returns false when the import was aborted.
 */
export async function recordTerritorialValues(
  synthesis: TerritorialSynthesis,
  sending: Sending,
  ports: LedgerPort,
  findings: Findings,
): Promise<boolean> {
  const file = synthesis.table.file;
  const reject = (values: readonly TerritorialValue[], reason: string) => {
    for (const { line } of values) findings.rejected.push({ file, line, reason });
  };
  for (const [projectId, values] of byProject(synthesis.values)) {
    if (findings.aborted) return false;
    const state = await ports.project(projectId);
    if (state.status !== 'active') {
      reject(values, notActive(projectId, state));
      continue;
    }
    const pending: TerritorialValue[] = [];
    for (const value of values) {
      const refusal = undefinedIndicator(state, value.indicatorId);
      if (refusal !== undefined) reject([value], refusal);
      else if (!isPublishedAlready(publishedBefore(state, value), value)) pending.push(value);
    }
    if (pending.length === 0) continue;
    const command: RecordMeasurements = {
      type: 'RecordMeasurements',
      projectId,
      measurements: pending.map((value) => publishedCurrentOf(value, sending)),
    };
    try {
      const key = sending.idempotencyKey(['current', synthesis.level, projectId], command);
      const sent = await sending.send(command, key);
      if (sent === undefined) return false;
      findings.territorialValuesPublished += sent.appended;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reject(
        pending,
        `RecordMeasurements refused for the project's ${pending.length} current values: ${error.message}`,
      );
    }
  }
  return true;
}

const NO_DEFINITION =
  'a territorial synthesis defines no indicator (import the release with its national synthesis first)';

function notActive(projectId: string, state: ProjectState): string {
  return state.status === 'closed'
    ? `project ${projectId} was closed on ${state.closedOn} and takes no measurement`
    : `project ${projectId} is not in the ledger: ${NO_DEFINITION}`;
}

function byProject(values: readonly TerritorialValue[]): Map<string, TerritorialValue[]> {
  const grouped = new Map<string, TerritorialValue[]>();
  for (const value of values) grouped.set(value.projectId, [...(grouped.get(value.projectId) ?? []), value]);
  return grouped;
}

/** Why the project cannot take the indicator's published value, if it cannot. */
function undefinedIndicator(project: ActiveProject, indicatorId: string): string | undefined {
  if (!Object.hasOwn(project.indicators, indicatorId)) {
    return `indicator ${indicatorId} is not defined in project ${project.projectId}: ${NO_DEFINITION}`;
  }
  return project.indicators[indicatorId].retired
    ? `indicator ${indicatorId} was retired from project ${project.projectId}`
    : undefined;
}

function publishedBefore(project: ActiveProject, { indicatorId, territory }: TerritorialValue) {
  return Object.hasOwn(project.publishedCurrent, indicatorId)
    ? project.publishedCurrent[indicatorId][territoryKey(territory)]
    : undefined;
}
