import { loadSnapshot } from '../temporal/portfolio-snapshot';
import type { ProjectSummary, TemporalStamp } from '../views/documents';
import { projectSummary } from '../views/project-view';
import { encodeCursor, pageOf, type Page } from './paging';
import { selectsProject, type ProjectFilter } from './project-filter';
import { DEFAULT_PROJECT_SORT, projectOrder, type ProjectSort } from './project-order';
import { InvalidQueryError } from './query-errors';
import type { PageSize } from './query-parameters';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

export { PROJECT_HEALTHS } from './project-filter';

export const PROJECT_STATUSES = ['active', 'closed'] as const;

/** GET /projects: filters, an order, and the page after a project (the decoded cursor). */
export interface ProjectListQuery extends TemporalQuery, ProjectFilter {
  readonly missionCode?: string;
  readonly status?: (typeof PROJECT_STATUSES)[number];
  /** By project id when not said. */
  readonly sort?: ProjectSort;
  readonly limit?: number;
  /** The id of the last project of the previous page, in the same order. */
  readonly after?: string;
}

export const PROJECT_LIST_PAGE: PageSize = { fallback: 50, max: 500 };

/** GET /projects: the summaries of the projects that match at (at, asOf), in the order asked for, in pages. */
export async function projectList(
  context: ReadContext,
  query: ProjectListQuery,
): Promise<TemporalStamp & Page<ProjectSummary>> {
  const { point, stamp } = await resolvePoint(context, query);
  const snapshot = await loadSnapshot(context, point);
  const projects = [...snapshot.projects.values()].map((project) => ({
    project,
    summary: projectSummary(project, point.at),
  }));
  const order = projectOrder(query.sort ?? DEFAULT_PROJECT_SORT);
  const matching = projects
    .filter(({ project, summary }) => selectsProject(query, project, summary))
    .map(({ summary }) => summary)
    .filter((p) => query.missionCode === undefined || p.missionCode === query.missionCode)
    .filter((p) => query.status === undefined || p.status === query.status)
    .sort(order);
  const afterCursor = query.after === undefined ? matching : pastCursor(matching, projects, query.after, order);
  const limit = query.limit ?? PROJECT_LIST_PAGE.fallback;
  return { ...stamp, ...pageOf(afterCursor, limit, (last) => encodeCursor(last.projectId)) };
}

/**
 * The projects that follow, in `order`, the one the cursor names, as it stands at the same (at, asOf): the next page
 * starts there even when that project no longer matches the filters.
 */
function pastCursor(
  sorted: readonly ProjectSummary[],
  all: readonly { readonly summary: ProjectSummary }[],
  after: string,
  order: (a: ProjectSummary, b: ProjectSummary) => number,
): ProjectSummary[] {
  const last = all.find(({ summary }) => summary.projectId === after)?.summary;
  if (last === undefined) throw new InvalidQueryError('cursor', 'cursor names a project not known at (at, asOf)');
  return sorted.filter((p) => order(p, last) > 0);
}
