import { assertNever } from '../shared/assert-never';
import { ConflictError, NotFoundError } from '../shared/domain-error';
import type { ProjectId } from '../shared/ids';
import type { ActiveProject, ProjectState } from './project-state';

/** The project a command acts on: it must have been launched and not closed. */
export function requireActiveProject(state: ProjectState, projectId: ProjectId): ActiveProject {
  switch (state.status) {
    case 'not_launched':
      throw new NotFoundError('project_not_found', `project "${projectId}" has not been launched`, undefined, {
        id: projectId,
      });
    case 'closed':
      throw new ConflictError(
        'project_closed',
        `project "${projectId}" was closed (${state.outcome}) on ${state.closedOn} and accepts no further command`,
        undefined,
        { id: projectId, on: state.closedOn },
      );
    case 'active':
      return state;
    default:
      return assertNever(state);
  }
}
