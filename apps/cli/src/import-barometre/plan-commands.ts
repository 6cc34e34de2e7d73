import {
  DomainError,
  LIMITS,
  decideLaunchProject,
  decideRedesignProject,
  initialProjectState,
  isTargeted,
  type ActiveProject,
  type IndicatorDefinition,
  type LaunchProject,
  type MissionState,
  type RedesignProject,
} from '@portfolio/domain';
import type { Findings } from './findings';
import type { RevisedTarget } from './indicator-definitions';
import { LEAD_ORGANISATION, MISSIONS_DEFINED_ON, PROGRAMME, bounded } from './mapping';
import type { ProjectPlan } from './project-plans';

function launchCommand(plan: ProjectPlan, indicators: readonly IndicatorDefinition[], today: string): LaunchProject {
  const rows = plan.rows.filter((row) => indicators.some((i) => i.indicatorId === row.indicatorId));
  // Launched on the earliest of its baselines and first values: no measurement or baseline predates the project.
  const dates = [...indicators.flatMap((i) => i.baseline?.on ?? []), ...rows.map((row) => row.period)];
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

/** The launch of a new project with the indicators the domain accepts (see acceptedDefinition). */
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
  const accepted = definitions.flatMap((definition) =>
    acceptedDefinition(plan, definition, findings, (tried) =>
      decideLaunchProject(initialProjectState, mission, launchCommand(plan, [tried], today), context),
    ),
  );
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

/** The redesign adding to an existing project the indicators the domain accepts (see acceptedDefinition). */
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
  const accepted = definitions.flatMap((definition) =>
    acceptedDefinition(plan, definition, findings, (tried) =>
      decideRedesignProject(state, command([tried]), { today: release.today }),
    ),
  );
  return accepted.length === 0 ? undefined : command(accepted);
}

/**
 * The redesign moving the targets a later synthesis revised, decided by the release on its date; a revision the domain
 * refuses (a target on the wrong side of the baseline) is left out with a warning, the target in force staying.
 */
export function retargetFor(
  plan: ProjectPlan,
  state: ActiveProject,
  revisedTargets: readonly RevisedTarget[],
  release: { readonly decidedOn: string; readonly today: string },
  findings: Findings,
): RedesignProject | undefined {
  const command = (retargeted: readonly RevisedTarget[]): RedesignProject => ({
    type: 'RedesignProject',
    projectId: plan.projectId,
    reason: `cible révisée par la publication du Baromètre du ${release.decidedOn}`,
    decidedOn: release.decidedOn < state.launchedOn ? state.launchedOn : release.decidedOn,
    changes: { indicators: { retargeted } },
  });
  const accepted = revisedTargets.filter((revised) => {
    const refusal = refusalOf(() => decideRedesignProject(state, command([revised]), { today: release.today }));
    if (refusal !== undefined) {
      findings.warnings.push(
        `${plan.projectId}/${revised.indicatorId}: the synthesis revises its target to ${revised.to.value} by ` +
          `${revised.to.by}, refused by the domain (${refusal.message}); the target in force stays`,
      );
    }
    return refusal === undefined;
  });
  return accepted.length === 0 ? undefined : command(accepted);
}

/**
 * The definition tried on its own against the domain: as it is, else, when the domain refuses its target, as a monitored
 * series (its values are still worth recording); none, its rows rejected, when the domain refuses that too.
 */
function acceptedDefinition(
  plan: ProjectPlan,
  definition: IndicatorDefinition,
  findings: Findings,
  decide: (tried: IndicatorDefinition) => unknown,
): IndicatorDefinition[] {
  const refusal = refusalOf(() => decide(definition));
  if (refusal === undefined) return [definition];
  if (isTargeted(definition)) {
    const { indicatorId, label, unit, baseline } = definition;
    const series: IndicatorDefinition = { indicatorId, label, unit, baseline };
    if (refusalOf(() => decide(series)) === undefined) {
      return [findings.monitored(plan, series, `the domain refused its target: ${refusal.message}`)];
    }
  }
  findings.rejectIndicator(plan, definition.indicatorId, `refused by the domain: ${refusal.message}`);
  return [];
}

function refusalOf(decide: () => unknown): DomainError | undefined {
  try {
    decide();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error;
  }
}
