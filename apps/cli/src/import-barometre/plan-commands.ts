import {
  DomainError,
  LIMITS,
  decideLaunchProject,
  decideRedesignProject,
  initialProjectState,
  type ActiveProject,
  type IndicatorDefinition,
  type LaunchProject,
  type MissionState,
  type RedesignProject,
} from '@portfolio/domain';
import type { Findings } from './findings';
import { LEAD_ORGANISATION, MISSIONS_DEFINED_ON, PROGRAMME, bounded } from './mapping';
import type { ProjectPlan } from './project-plans';

function launchCommand(plan: ProjectPlan, indicators: readonly IndicatorDefinition[], today: string): LaunchProject {
  const rows = plan.rows.filter((row) => indicators.some((i) => i.indicatorId === row.indicatorId));
  // Launched on the earliest of its baselines and first values: no measurement or baseline predates the project.
  const dates = [...indicators.map((i) => i.baseline.on), ...rows.map((row) => row.period)];
  const earliest = dates.reduce((min, date) => (date < min ? date : min), today);
  return {
    type: 'LaunchProject',
    projectId: plan.projectId,
    missionCode: plan.mission.code,
    title: bounded(plan.mesure, LIMITS.shortText),
    objective: bounded(plan.mesure, LIMITS.longText),
    leadOrganisation: LEAD_ORGANISATION,
    launchedOn: earliest,
    milestones: [],
    indicators,
  };
}

/** The launch of a new project with the indicators the domain accepts, each tried on its own first. */
export function launchFor(
  plan: ProjectPlan,
  definitions: readonly IndicatorDefinition[],
  today: string,
  findings: Findings,
): { readonly command: LaunchProject; readonly definitions: number } | undefined {
  const mission: MissionState = {
    status: 'defined',
    missionCode: plan.mission.code,
    name: plan.mission.name,
    programme: PROGRAMME,
    definedOn: MISSIONS_DEFINED_ON,
  };
  const context = { today };
  const accepted = definitions.filter((definition) => {
    try {
      decideLaunchProject(initialProjectState, mission, launchCommand(plan, [definition], today), context);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      findings.rejectIndicator(plan, definition.indicatorId, `refused by the domain: ${error.message}`);
      return false;
    }
  });
  if (accepted.length === 0) {
    // Every indicator was rejected, with its rows: a project without indicators is not launched.
    return undefined;
  }
  const command = launchCommand(plan, accepted, today);
  if (command.launchedOn < MISSIONS_DEFINED_ON) {
    findings.warnings.push(
      `project ${plan.projectId} is launched on ${command.launchedOn}, before its mission's definition (${MISSIONS_DEFINED_ON})`,
    );
  }
  return { command, definitions: accepted.length };
}

/** The redesign adding to an existing project the indicators the domain accepts, each tried on its own first. */
export function redesignFor(
  plan: ProjectPlan,
  state: ActiveProject,
  definitions: readonly IndicatorDefinition[],
  release: { readonly decidedOn: string; readonly file: string; readonly today: string },
  findings: Findings,
): RedesignProject | undefined {
  if (definitions.length === 0) return undefined;
  const command = (added: readonly IndicatorDefinition[]): RedesignProject => ({
    type: 'RedesignProject',
    projectId: plan.projectId,
    reason: `Baromètre release ${release.file} adds indicators`,
    // Not before the launch: the domain refuses a redesign decided before the project existed.
    decidedOn: release.decidedOn < state.launchedOn ? state.launchedOn : release.decidedOn,
    changes: { indicators: { added } },
  });
  const accepted = definitions.filter((definition) => {
    try {
      decideRedesignProject(state, command([definition]), { today: release.today });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      findings.rejectIndicator(plan, definition.indicatorId, `refused by the domain: ${error.message}`);
      return false;
    }
  });
  return accepted.length === 0 ? undefined : command(accepted);
}
