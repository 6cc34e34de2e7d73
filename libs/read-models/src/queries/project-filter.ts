import type { Health, LaunchedProject } from '@portfolio/domain';
import type { ProjectSummary } from '../views/documents';
import { matchesSearch } from './search-text';

export const PROJECT_HEALTHS = ['green', 'amber', 'red'] as const satisfies readonly Health[];

/** What reviewers look for among the projects, on the project list and in the portfolio alike. */
export interface ProjectFilter {
  /** Text in the title or the objective, accents and case aside. */
  readonly q?: string;
  /** Any of these colours at `at` (a closed project has none). */
  readonly health?: readonly Health[];
  /** With (true) or without (false) a milestone overdue at `at`: due, and not reached as known at asOf. */
  readonly late?: boolean;
}

/** Whether the project, and its summary at the same (at, asOf), is one the filter looks for. */
export function selectsProject(filter: ProjectFilter, project: LaunchedProject, summary: ProjectSummary): boolean {
  if (filter.q !== undefined && !matchesSearch(filter.q, [project.title, project.objective])) return false;
  if (filter.health !== undefined && (summary.health === null || !filter.health.includes(summary.health))) {
    return false;
  }
  return filter.late === undefined || summary.milestones.overdue > 0 === filter.late;
}

/** Whether the filter narrows anything. */
export function filtersProjects(filter: ProjectFilter): boolean {
  return filter.q !== undefined || filter.health !== undefined || filter.late !== undefined;
}
