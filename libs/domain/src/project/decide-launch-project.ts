import type { MissionState } from '../mission/mission-state';
import type { DecisionContext } from '../shared/decision-context';
import { ConflictError, NotFoundError } from '../shared/domain-error';
import type { MissionCode, ProjectId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { LIMITS } from '../shared/limits';
import {
  requireFactDate,
  requireList,
  requireMissionCode,
  requireSlug,
  requireText,
  requireUnique,
} from '../shared/validation';
import type { IndicatorDefinition, PlannedMilestone } from './plan';
import type { ProjectLaunched } from './project-events';
import type { ProjectState } from './project-state';
import { validIndicator, validMilestone } from './validate-plan';

/** Programme office: start a project within a mission, with its first plan. */
export interface LaunchProject {
  readonly type: 'LaunchProject';
  readonly projectId: ProjectId;
  readonly missionCode: MissionCode;
  readonly title: string;
  readonly objective: string;
  readonly leadOrganisation: string;
  readonly launchedOn: IsoDate;
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
  const title = requireText(command.title, 'title', LIMITS.shortText);
  const objective = requireText(command.objective, 'objective', LIMITS.longText);
  const leadOrganisation = requireText(command.leadOrganisation, 'leadOrganisation', LIMITS.shortText);
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
    throw new ConflictError('project_closed', `project "${projectId}" was closed on ${project.closedOn}`);
  }
  if (project.status === 'active') {
    throw new ConflictError('already_launched', `project "${projectId}" was already launched on ${project.launchedOn}`);
  }
  if (mission.status !== 'defined') {
    throw new NotFoundError('mission_not_found', `mission ${missionCode} has not been defined`, 'missionCode');
  }
  return [
    {
      type: 'ProjectLaunched',
      data: { projectId, missionCode, title, objective, leadOrganisation, launchedOn, milestones, indicators },
    },
  ];
}
