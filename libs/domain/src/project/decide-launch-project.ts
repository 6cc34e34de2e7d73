import type { MissionState } from '../mission/mission-state';
import type { DecisionContext } from '../shared/decision-context';
import { ConflictError, NotFoundError } from '../shared/domain-error';
import { LONG_TEXT, SHORT_TEXT } from '../shared/text-characters';
import {
  requireFactDate,
  requireList,
  requireMissionCode,
  requireSlug,
  requireText,
  requireUnique,
} from '../shared/validation';
import type { IndicatorDefinition, PlannedMilestone, ProjectCharter } from './plan';
import type { ProjectLaunched } from './project-events';
import type { ProjectState } from './project-state';
import { validIndicator, validMilestone } from './validate-plan';

/** Programme office: start a project within a mission, with its first plan. */
export interface LaunchProject extends ProjectCharter {
  readonly type: 'LaunchProject';
  readonly milestones: readonly PlannedMilestone[];
  readonly indicators: readonly IndicatorDefinition[];
}

export function decideLaunchProject(
  project: ProjectState,
  mission: MissionState,
  command: LaunchProject,
  context: DecisionContext,
): readonly ProjectLaunched[] {
  const projectId = requireSlug(command.projectId, 'projectId');
  const missionCode = requireMissionCode(command.missionCode, 'missionCode');
  const title = requireText(command.title, 'title', SHORT_TEXT);
  const objective = requireText(command.objective, 'objective', LONG_TEXT);
  const leadOrganisation = requireText(command.leadOrganisation, 'leadOrganisation', SHORT_TEXT);
  const launchedOn = requireFactDate(command.launchedOn, 'launchedOn', context.today);
  const milestones = requireList(command.milestones, 'milestones').map((m, i) =>
    validMilestone(m, `milestones[${i}]`, launchedOn),
  );
  requireUnique(
    milestones.map((m) => m.milestoneId),
    (i) => `milestones[${i}].milestoneId`,
  );
  const indicators = requireList(command.indicators, 'indicators').map((indicator, i) =>
    validIndicator(indicator, `indicators[${i}]`, launchedOn),
  );
  requireUnique(
    indicators.map((indicator) => indicator.indicatorId),
    (i) => `indicators[${i}].indicatorId`,
  );

  if (project.status === 'closed') {
    throw new ConflictError('project_closed', `project "${projectId}" was closed on ${project.closedOn}`, undefined, {
      id: projectId,
      on: project.closedOn,
    });
  }
  if (project.status === 'active') {
    throw new ConflictError(
      'already_launched',
      `project "${projectId}" was already launched on ${project.launchedOn}`,
      undefined,
      {
        id: projectId,
        on: project.launchedOn,
      },
    );
  }
  if (mission.status !== 'defined') {
    throw new NotFoundError('mission_not_found', `mission ${missionCode} has not been defined`, 'missionCode', {
      id: missionCode,
    });
  }
  return [
    {
      type: 'ProjectLaunched',
      data: { projectId, missionCode, title, objective, leadOrganisation, launchedOn, milestones, indicators },
    },
  ];
}
