import type { ProjectState } from '@portfolio/domain';
import type { DetailRow } from './barometre-files';
import type { Findings } from './findings';
import { UNSECTORED_MISSION, bounded, missionCodeForSector } from './mapping';
import type { LedgerPort } from '../ledger-port';

export interface Mission {
  readonly code: string;
  readonly name: string;
}

/** What the import will do for one project (one mesure). */
export interface ProjectPlan {
  readonly projectId: string;
  readonly mesure: string;
  readonly mesureSlug: string;
  readonly mission: Mission;
  readonly state: ProjectState;
  /** Rows in file order, of every indicator (those rejected are filtered out before sending). */
  readonly rows: DetailRow[];
  /** Indicator ids in order of first appearance. */
  readonly indicatorIds: string[];
  /** Indicators whose rows were rejected (so that no row is rejected twice). */
  readonly rejectedIndicators: Set<string>;
}

/** The rows of a plan not yet rejected. */
export function pendingRows(plan: ProjectPlan): DetailRow[] {
  return plan.rows.filter((row) => !plan.rejectedIndicators.has(row.indicatorId));
}

/** Groups the rows by project (in order of first appearance) and reads each project's state. */
export async function planProjects(
  rows: readonly DetailRow[],
  ports: LedgerPort,
  sectorOf: ReadonlyMap<string, string> | undefined,
  findings: Findings,
): Promise<ProjectPlan[]> {
  const grouped = new Map<string, DetailRow[]>();
  for (const row of rows) {
    const group = grouped.get(row.projectId);
    if (group === undefined) grouped.set(row.projectId, [row]);
    else group.push(row);
  }
  const plans: ProjectPlan[] = [];
  for (const [projectId, projectRows] of grouped) {
    const [first] = projectRows;
    const clash = projectRows.find((row) => row.mesureSlug !== first.mesureSlug);
    const ownRows =
      clash === undefined ? projectRows : projectRows.filter((row) => row.mesureSlug === first.mesureSlug);
    if (clash !== undefined) {
      findings.rejectRows(
        projectRows.filter((row) => row.mesureSlug !== first.mesureSlug),
        `the project id ${projectId} of this mesure is already the id of "${first.mesure}" (line ${first.line})`,
      );
    }
    const indicatorIds = [...new Set(ownRows.map((row) => row.indicatorId))];
    const state = await ports.project(projectId);
    if (state.status === 'closed') {
      findings.rejectRows(ownRows, `project ${projectId} was closed on ${state.closedOn} and takes no measurement`);
      continue;
    }
    plans.push({
      projectId,
      mesure: first.mesure,
      mesureSlug: first.mesureSlug,
      mission: missionOfSectors(projectId, indicatorIds, sectorOf, findings),
      state,
      rows: ownRows,
      indicatorIds,
      rejectedIndicators: new Set(),
    });
  }
  return plans;
}

function missionOfSectors(
  projectId: string,
  indicatorIds: readonly string[],
  sectorOf: ReadonlyMap<string, string> | undefined,
  findings: Findings,
): Mission {
  const sectors = [...new Set(indicatorIds.map((id) => sectorOf?.get(id)).filter((s): s is string => s !== undefined))];
  if (sectorOf !== undefined && sectors.length < indicatorIds.length) {
    const unlisted = indicatorIds.filter((id) => !sectorOf.has(id));
    if (unlisted.length > 0) findings.warnings.push(`${unlisted.join(', ')}: not in the secteurs file`);
  }
  if (sectors.length > 1) {
    findings.warnings.push(
      `project ${projectId} has indicators of sectors ${sectors.join(', ')}: it goes into ${sectors[0]}`,
    );
  }
  if (sectors.length === 0) return UNSECTORED_MISSION;
  const code = missionCodeForSector(sectors[0]);
  if (code === undefined) {
    findings.warnings.push(
      `sector ${JSON.stringify(sectors[0])} gives no mission code: ${projectId} goes into ${UNSECTORED_MISSION.code}`,
    );
    return UNSECTORED_MISSION;
  }
  return { code, name: bounded(sectors[0]) };
}
