import type { Health } from '@portfolio/domain';
import { loadSnapshot } from '../temporal/portfolio-snapshot';
import type { ProjectSummary, TemporalStamp } from '../views/documents';
import { projectSummary } from '../views/project-view';
import { encodeCursor, pageOf, type Page } from './paging';
import type { PageSize } from './query-parameters';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

export const PROJECT_STATUSES = ['active', 'closed'] as const;
export const PROJECT_HEALTHS = ['green', 'amber', 'red'] as const satisfies readonly Health[];

/** GET /projects: filters, and the page after a project id (the decoded cursor). */
export interface ProjectListQuery extends TemporalQuery {
  readonly missionCode?: string;
  readonly status?: (typeof PROJECT_STATUSES)[number];
  readonly health?: Health;
  readonly limit?: number;
  /** The last project id of the previous page. */
  readonly after?: string;
}

export const PROJECT_LIST_PAGE: PageSize = { fallback: 50, max: 500 };

/** GET /projects: the summaries of the projects that match at (at, asOf), by project id, in pages. */
export async function projectList(
  context: ReadContext,
  query: ProjectListQuery,
): Promise<TemporalStamp & Page<ProjectSummary>> {
  const { point, stamp } = await resolvePoint(context, query);
  const snapshot = await loadSnapshot(context.db, context.projections.activeGenerationNumber, point);
  const matching = [...snapshot.projects.values()]
    .map((project) => projectSummary(project, point.at))
    .filter((p) => query.missionCode === undefined || p.missionCode === query.missionCode)
    .filter((p) => query.status === undefined || p.status === query.status)
    .filter((p) => query.health === undefined || p.health === query.health)
    .filter((p) => query.after === undefined || p.projectId > query.after)
    .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  const limit = query.limit ?? PROJECT_LIST_PAGE.fallback;
  return { ...stamp, ...pageOf(matching, limit, (last) => encodeCursor(last.projectId)) };
}
