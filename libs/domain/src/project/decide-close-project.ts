import type { DecisionContext } from '../shared/decision-context';
import type { ProjectId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { LONG_TEXT } from '../shared/text-characters';
import { requireChoice, requireFactDate, requireNotBefore, requireSlug, requireText } from '../shared/validation';
import { PROJECT_OUTCOMES, type ProjectClosed, type ProjectOutcome } from './project-events';
import type { ProjectState } from './project-state';
import { requireActiveProject } from './require-active-project';

/** Programme office: end a project, delivered or abandoned, saying why in `note`. */
export interface CloseProject {
  readonly type: 'CloseProject';
  readonly projectId: ProjectId;
  readonly outcome: ProjectOutcome;
  readonly closedOn: IsoDate;
  readonly note: string;
}

export function decideCloseProject(
  state: ProjectState,
  command: CloseProject,
  context: DecisionContext,
): readonly ProjectClosed[] {
  const projectId = requireSlug(command.projectId, 'projectId');
  const outcome = requireChoice(command.outcome, PROJECT_OUTCOMES, 'outcome');
  const closedOn = requireFactDate(command.closedOn, 'closedOn', context.today);
  const note = requireText(command.note, 'note', LONG_TEXT);
  const project = requireActiveProject(state, projectId);
  requireNotBefore(closedOn, project.launchedOn, 'closedOn', 'the launch');
  return [{ type: 'ProjectClosed', data: { projectId, outcome, closedOn, note } }];
}
