import { businessDateOf } from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import { loadSnapshot } from '../temporal/portfolio-snapshot';
import type { ProjectDetail, TemporalStamp } from '../views/documents';
import { projectDetail } from '../views/project-view';
import type { Language } from '../language';
import { domainEventOf, historyItem, type HistoryItem } from './history-item';
import type { Page } from './paging';
import { projectEventsPage, type ProjectEventsQuery } from './project-events';
import type { ReadContext } from './read-context';

/** An event of the project, with the project as it stood right after it (null before its launch is dated). */
export interface ReplayItem extends HistoryItem {
  readonly state: ProjectDetail | null;
}

/** GET /projects/{projectId}/replay: each event of the project with the project as it stood right after it; summaries in `language`. */
export async function projectReplay(
  context: ReadContext,
  projectId: string,
  query: ProjectEventsQuery,
  language: Language = 'en',
): Promise<TemporalStamp & Page<ReplayItem>> {
  const { stamp, page } = await projectEventsPage(context, projectId, query);
  const items: ReplayItem[] = [];
  for (const stored of page.items) items.push(await replayItem(context, projectId, stored, language));
  return { ...stamp, items, nextCursor: page.nextCursor };
}

// The project as any time-travel read gives it at the event's business date, known up to the event.
async function replayItem(
  context: ReadContext,
  projectId: string,
  stored: StoredEvent,
  language: Language,
): Promise<ReplayItem> {
  const businessDate = businessDateOf(domainEventOf(stored));
  const point = { at: businessDate, asOf: stored.position };
  const snapshot = await loadSnapshot(context, point, [projectId]);
  const project = snapshot.projects.get(projectId);
  return {
    ...historyItem(stored, language),
    state: project === undefined ? null : projectDetail(project, businessDate),
  };
}
