import type { LaunchedProject } from '@portfolio/domain';
import { loadSnapshot } from '../temporal/portfolio-snapshot';
import type { PortfolioDocument, ProjectSummary } from '../views/documents';
import { portfolioDocument } from '../views/portfolio-view';
import { filtersProjects, selectsProject, type ProjectFilter } from './project-filter';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** GET /portfolio: where in time, and which projects (all when no filter is given). */
export interface PortfolioQuery extends TemporalQuery, ProjectFilter {}

/**
 * GET /portfolio: every mission with its projects' summaries, and totals, at (at, asOf); filtered, only the missions
 * with a project that matches, and the totals of the projects that match.
 */
export async function portfolioAt(context: ReadContext, query: PortfolioQuery): Promise<PortfolioDocument> {
  const { point, stamp } = await resolvePoint(context, query);
  const snapshot = await loadSnapshot(context, point);
  const selects = filtersProjects(query)
    ? (project: LaunchedProject, summary: ProjectSummary) => selectsProject(query, project, summary)
    : undefined;
  return portfolioDocument(snapshot, stamp, selects);
}
