import type { LaunchedProject } from '@portfolio/domain';
import { loadSnapshot, type TemporalPoint } from '../temporal/portfolio-snapshot';
import { ReadModelNotFoundError } from './query-errors';
import type { ReadContext } from './read-context';

/** The project as it stands at the point, or 404: every read of one project agrees on whether it exists. */
export async function requireProject(
  context: ReadContext,
  projectId: string,
  point: TemporalPoint,
): Promise<LaunchedProject> {
  const snapshot = await loadSnapshot(context, point, [projectId]);
  const project = snapshot.projects.get(projectId);
  if (project === undefined) throw new ReadModelNotFoundError('project', projectId);
  return project;
}
