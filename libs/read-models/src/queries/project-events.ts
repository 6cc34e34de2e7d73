import { businessDateOf, projectStream } from '@portfolio/domain';
import { StreamNotFoundError, type StoredEvent } from '@portfolio/event-store';
import type { TemporalPoint } from '../temporal/portfolio-snapshot';
import type { TemporalStamp } from '../views/documents';
import { domainEventOf } from './history-item';
import { pageOf, type Page } from './paging';
import { ReadModelNotFoundError } from './query-errors';
import type { PageSize } from './query-parameters';
import type { ReadContext } from './read-context';
import { requireProject } from './require-project';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** A page of one project's events: those after a revision. */
export interface ProjectEventsQuery extends TemporalQuery {
  /** The revision the previous page ended with (its nextCursor). */
  readonly after?: bigint;
  readonly limit?: number;
}

export const PROJECT_EVENTS_PAGE: PageSize = { fallback: 100, max: 1000 };

/** The project's events recorded by `asOf` and dated by `at`, oldest first, in pages after a revision; 404 if none. */
export async function projectEventsPage(
  context: ReadContext,
  projectId: string,
  query: ProjectEventsQuery,
): Promise<{ readonly stamp: TemporalStamp; readonly page: Page<StoredEvent> }> {
  const limit = query.limit ?? PROJECT_EVENTS_PAGE.fallback;
  const { point, stamp } = await resolvePoint(context, query);
  await requireProject(context, projectId, point);
  const fetched: StoredEvent[] = [];
  for await (const stored of projectEvents(context, projectId, point, query.after)) {
    fetched.push(stored);
    if (fetched.length > limit) break;
  }
  return { stamp, page: pageOf(fetched, limit, (last) => last.revision.toString()) };
}

async function* projectEvents(
  context: ReadContext,
  projectId: string,
  point: TemporalPoint,
  afterRevision: bigint | undefined,
): AsyncIterable<StoredEvent> {
  const fromRevision = afterRevision === undefined ? 0n : afterRevision + 1n;
  try {
    for await (const stored of context.store.readStream(projectStream(projectId), {
      fromRevision,
      toPosition: point.asOf,
    })) {
      if (businessDateOf(domainEventOf(stored)) <= point.at) yield stored;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) throw new ReadModelNotFoundError('project', projectId);
    throw error;
  }
}
