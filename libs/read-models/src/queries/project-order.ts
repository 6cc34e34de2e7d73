import type { Health } from '@portfolio/domain';
import type { ProjectSummary } from '../views/documents';
import { compareKeys } from './paging';

// The orders the project list takes: a key, ascending, or descending with a leading `-`. Whatever the key, projects
// that tie on it follow their project ids, ascending, so that pages cut the same order every time.

const KEYS = ['projectId', 'title', 'missionCode', 'launchedOn', 'health', 'overdue'] as const;

type SortKey = (typeof KEYS)[number];

/** Every order the project list takes, for OpenAPI and for the message refusing any other. */
export const PROJECT_SORTS = KEYS.flatMap((key) => [key, `-${key}`] as const);

export type ProjectSort = SortKey | `-${SortKey}`;

export const DEFAULT_PROJECT_SORT: ProjectSort = 'projectId';

/** Worst first: `health` lists the projects that need attention before the others, closed ones (no colour) last. */
const HEALTH_RANK: Readonly<Record<Health, number>> = { red: 0, amber: 1, green: 2 };
const NO_HEALTH_RANK = 3;

const titles = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const COMPARE: Readonly<Record<SortKey, (a: ProjectSummary, b: ProjectSummary) => number>> = {
  projectId: (a, b) => compareKeys(a.projectId, b.projectId),
  title: (a, b) => titles.compare(a.title, b.title),
  missionCode: (a, b) => compareKeys(a.missionCode, b.missionCode),
  launchedOn: (a, b) => compareKeys(a.launchedOn, b.launchedOn),
  health: (a, b) =>
    (a.health === null ? NO_HEALTH_RANK : HEALTH_RANK[a.health]) -
    (b.health === null ? NO_HEALTH_RANK : HEALTH_RANK[b.health]),
  overdue: (a, b) => a.milestones.overdue - b.milestones.overdue,
};

/** The comparison of two summaries in `sort`'s order, ties broken by project id. */
export function projectOrder(sort: ProjectSort): (a: ProjectSummary, b: ProjectSummary) => number {
  const descending = sort.startsWith('-');
  const byKey = COMPARE[(descending ? sort.slice(1) : sort) as SortKey];
  return (a, b) => (descending ? -byKey(a, b) : byKey(a, b)) || compareKeys(a.projectId, b.projectId);
}
