import type { LaunchedProject } from '@portfolio/domain';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import type { MissionView, PortfolioDocument, PortfolioTotals, ProjectSummary, TemporalStamp } from './documents';
import { projectSummary } from './project-view';

/** How many projects, by status, outcome and health, and their milestones: the totals of any set of projects. */
export function projectCounts(projects: readonly ProjectSummary[]): Omit<PortfolioTotals, 'missions'> {
  const count = (predicate: (p: ProjectSummary) => boolean) => projects.filter(predicate).length;
  const sum = (key: keyof ProjectSummary['milestones']) => projects.reduce((n, p) => n + p.milestones[key], 0);
  return {
    projects: projects.length,
    active: count((p) => p.status === 'active'),
    closed: count((p) => p.status === 'closed'),
    completed: count((p) => p.outcome === 'completed'),
    abandoned: count((p) => p.outcome === 'abandoned'),
    health: {
      green: count((p) => p.health === 'green'),
      amber: count((p) => p.health === 'amber'),
      red: count((p) => p.health === 'red'),
    },
    milestones: {
      total: sum('total'),
      reached: sum('reached'),
      reachedLate: sum('reachedLate'),
      overdue: sum('overdue'),
    },
  };
}

function totalsOf(missions: readonly MissionView[], projects: readonly ProjectSummary[]): PortfolioTotals {
  return { missions: missions.length, ...projectCounts(projects) };
}

/**
 * GET /portfolio: missions with their projects' summaries, and totals, at the snapshot's (at, asOf). Narrowed by
 * `selects` (given each project with its summary), only the missions with a project selected, and totals of the
 * projects selected.
 */
export function portfolioDocument(
  snapshot: PortfolioSnapshot,
  stamp: TemporalStamp,
  selects?: (project: LaunchedProject, summary: ProjectSummary) => boolean,
): PortfolioDocument {
  const summaries = [...snapshot.projects.values()]
    .map((project) => ({ project, summary: projectSummary(project, stamp.at) }))
    .filter(({ project, summary }) => selects === undefined || selects(project, summary))
    .map(({ summary }) => summary)
    .sort((a, b) => a.projectId.localeCompare(b.projectId));
  const codes = new Set([
    ...(selects === undefined ? snapshot.missions.map((m) => m.missionCode) : []),
    ...summaries.map((p) => p.missionCode),
  ]);
  const missions: MissionView[] = [...codes].sort().map((missionCode) => {
    const facts = snapshot.missions.find((m) => m.missionCode === missionCode);
    return {
      missionCode,
      name: facts?.name ?? null,
      programme: facts?.programme ?? null,
      definedOn: facts?.definedOn ?? null,
      description: facts?.description ?? null,
      projects: summaries.filter((p) => p.missionCode === missionCode),
    };
  });
  return { ...stamp, missions, totals: totalsOf(missions, summaries) };
}
