import { isIsoDate, SLUG_PATTERN, type IsoDate } from '@portfolio/domain';
import { loadSnapshot } from '../temporal/portfolio-snapshot';
import type { MilestoneView, TemporalStamp } from '../views/documents';
import { milestoneViews } from '../views/project-view';
import { compareKeys, pageOf, type Page } from './paging';
import { InvalidQueryError } from './query-errors';
import type { PageSize } from './query-parameters';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** Where a page of milestones ends, in their order: due date, then project id, then milestone id. */
export interface MilestoneCursor {
  readonly dueOn: IsoDate;
  readonly projectId: string;
  readonly milestoneId: string;
}

/** GET /milestones: which ones, and the page after a milestone (the decoded cursor). */
export interface MilestoneListQuery extends TemporalQuery {
  /** Only those overdue at `at` (true), or only those that are not (false). */
  readonly overdue?: boolean;
  readonly limit?: number;
  readonly after?: MilestoneCursor;
}

/** A milestone of the plan in force at `at`, with the project whose it is. */
export interface MilestoneListItem extends MilestoneView {
  readonly projectId: string;
  readonly projectTitle: string;
  readonly missionCode: string;
}

export const MILESTONE_LIST_PAGE: PageSize = { fallback: 50, max: 500 };

/**
 * GET /milestones: the milestones of every project at (at, asOf), by due date (the most overdue first), in pages.
 * A milestone is overdue when due before `at` and not reached as known at asOf.
 */
export async function milestoneList(
  context: ReadContext,
  query: MilestoneListQuery,
): Promise<TemporalStamp & Page<MilestoneListItem>> {
  const { point, stamp } = await resolvePoint(context, query);
  const snapshot = await loadSnapshot(context, point);
  const matching = [...snapshot.projects.values()]
    .flatMap((project) =>
      milestoneViews(project, point.at).map((milestone) => ({
        projectId: project.projectId,
        projectTitle: project.title,
        missionCode: project.missionCode,
        ...milestone,
      })),
    )
    .filter((m) => query.overdue === undefined || m.overdueDays > 0 === query.overdue)
    .filter((m) => query.after === undefined || compareMilestones(m, query.after) > 0)
    .sort(compareMilestones);
  const limit = query.limit ?? MILESTONE_LIST_PAGE.fallback;
  return { ...stamp, ...pageOf(matching, limit, encodeMilestoneCursor) };
}

function compareMilestones(a: MilestoneCursor, b: MilestoneCursor): number {
  return (
    compareKeys(a.dueOn, b.dueOn) || compareKeys(a.projectId, b.projectId) || compareKeys(a.milestoneId, b.milestoneId)
  );
}

/** An opaque cursor naming the last milestone of a page by its place in the order. */
export function encodeMilestoneCursor({ dueOn, projectId, milestoneId }: MilestoneCursor): string {
  return Buffer.from(`${dueOn}/${projectId}/${milestoneId}`).toString('base64url');
}

/** The milestone a cursor of `encodeMilestoneCursor` names; anything else is refused. */
export function parseMilestoneCursor(raw: string, parameter: string): MilestoneCursor {
  const [dueOn, projectId, milestoneId, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('/');
  if (
    rest.length > 0 ||
    !isIsoDate(dueOn) ||
    !SLUG_PATTERN.test(projectId ?? '') ||
    !SLUG_PATTERN.test(milestoneId ?? '')
  ) {
    throw new InvalidQueryError(parameter, `${parameter} is not one this API gave`);
  }
  return { dueOn, projectId, milestoneId };
}
