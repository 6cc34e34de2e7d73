import type { ProjectDetail, TemporalStamp } from '../views/documents';
import { projectDetail } from '../views/project-view';
import type { ReadContext } from './read-context';
import { requireProject } from './require-project';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** GET /projects/{projectId}: the project at (at, asOf): plan, milestones, indicators with progress, health. */
export async function projectDetailAt(
  context: ReadContext,
  projectId: string,
  query: TemporalQuery,
): Promise<TemporalStamp & ProjectDetail> {
  const { point, stamp } = await resolvePoint(context, query);
  return { ...stamp, ...projectDetail(await requireProject(context, projectId, point), point.at) };
}
