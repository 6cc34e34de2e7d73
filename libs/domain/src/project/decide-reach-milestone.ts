import type { DecisionContext } from '../shared/decision-context';
import { ConflictError, NotFoundError } from '../shared/domain-error';
import type { MilestoneId, ProjectId } from '../shared/ids';
import { daysBetween, type IsoDate } from '../shared/iso-date';
import { LONG_TEXT } from '../shared/text-characters';
import { own } from '../shared/own';
import { optionalText, requireFactDate, requireNotBefore, requireSlug } from '../shared/validation';
import type { MilestoneReached } from './project-events';
import type { ProjectState } from './project-state';
import { requireActiveProject } from './require-active-project';

/** Programme office: record that a milestone was reached, with what shows it (a link, a decree, a release). */
export interface ReachMilestone {
  readonly type: 'ReachMilestone';
  readonly projectId: ProjectId;
  readonly milestoneId: MilestoneId;
  readonly reachedOn: IsoDate;
  readonly evidence?: string;
}

export function decideReachMilestone(
  state: ProjectState,
  command: ReachMilestone,
  context: DecisionContext,
): readonly MilestoneReached[] {
  const projectId = requireSlug(command.projectId, 'projectId');
  const milestoneId = requireSlug(command.milestoneId, 'milestoneId');
  const reachedOn = requireFactDate(command.reachedOn, 'reachedOn', context.today);
  const evidence = optionalText(command.evidence, 'evidence', LONG_TEXT);
  const project = requireActiveProject(state, projectId);
  requireNotBefore(reachedOn, project.launchedOn, 'reachedOn', 'the launch');
  const milestone = own(project.milestones, milestoneId);
  if (milestone === undefined) {
    throw new NotFoundError(
      'milestone_not_found',
      `milestone "${milestoneId}" is not in the plan of project "${projectId}"`,
      'milestoneId',
      { id: milestoneId },
    );
  }
  if (milestone.reachedOn !== undefined) {
    throw new ConflictError(
      'milestone_already_reached',
      `milestone "${milestoneId}" was already reached on ${milestone.reachedOn}`,
      'milestoneId',
      { id: milestoneId, on: milestone.reachedOn },
    );
  }
  // Lateness is against the plan in force, so a milestone rescheduled by a redesign is late only past its new date.
  const daysLate = Math.max(0, daysBetween(milestone.dueOn, reachedOn));
  return [
    {
      type: 'MilestoneReached',
      data: { projectId, milestoneId, reachedOn, ...(evidence === undefined ? {} : { evidence }), daysLate },
    },
  ];
}
