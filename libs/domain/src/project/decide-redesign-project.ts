import type { DecisionContext } from '../shared/decision-context';
import { RuleViolationError } from '../shared/domain-error';
import type { ProjectId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { LONG_TEXT, SHORT_TEXT } from '../shared/text-characters';
import {
  optionalText,
  requireFactDate,
  requireNotBefore,
  requireRecord,
  requireSlug,
  requireText,
} from '../shared/validation';
import type { ProjectRedesigned } from './project-events';
import type { ActiveProject, ProjectState } from './project-state';
import { indicatorChanges, type RequestedIndicatorChanges } from './redesign-indicators';
import { milestoneChanges, type RequestedMilestoneChanges } from './redesign-milestones';
import { requireActiveProject } from './require-active-project';

/** Programme office: change a project's plan, typically after a CITP review; the new plan version is decided here. */
export interface RedesignProject {
  readonly type: 'RedesignProject';
  readonly projectId: ProjectId;
  readonly reason: string;
  readonly decidedOn: IsoDate;
  readonly decidedBy?: string;
  readonly changes: {
    readonly objective?: string;
    readonly milestones?: RequestedMilestoneChanges;
    readonly indicators?: RequestedIndicatorChanges;
  };
}

export function decideRedesignProject(
  state: ProjectState,
  command: RedesignProject,
  context: DecisionContext,
): readonly ProjectRedesigned[] {
  const projectId = requireSlug(command.projectId, 'projectId');
  const reason = requireText(command.reason, 'reason', LONG_TEXT);
  const decidedOn = requireFactDate(command.decidedOn, 'decidedOn', context.today);
  const decidedBy = optionalText(command.decidedBy, 'decidedBy', SHORT_TEXT);
  requireRecord(command.changes, 'changes');
  const project = requireActiveProject(state, projectId);
  requireNotBefore(decidedOn, project.launchedOn, 'decidedOn', 'the launch');

  const objective = newObjective(project, command.changes.objective);
  const milestones = milestoneChanges(project, command.changes.milestones);
  const indicators = indicatorChanges(project, command.changes.indicators);
  const changeCount = [...Object.values(milestones), ...Object.values(indicators)].reduce(
    (count, list) => count + list.length,
    objective === undefined ? 0 : 1,
  );
  if (changeCount === 0) {
    throw new RuleViolationError(
      'nothing_to_change',
      `the redesign of project "${projectId}" changes nothing`,
      'changes',
    );
  }

  return [
    {
      type: 'ProjectRedesigned',
      data: {
        projectId,
        planVersion: project.planVersion + 1,
        reason,
        decidedOn,
        ...(decidedBy === undefined ? {} : { decidedBy }),
        changes: { ...(objective === undefined ? {} : { objective }), milestones, indicators },
      },
    },
  ];
}

function newObjective(project: ActiveProject, input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  const objective = requireText(input, 'changes.objective', LONG_TEXT);
  if (objective === project.objective) {
    throw new RuleViolationError(
      'nothing_to_change',
      'changes.objective is the objective in force',
      'changes.objective',
    );
  }
  return objective;
}
