import type { TemporalStamp } from '../views/documents';
import type { Language } from '../language';
import { historyItem, type HistoryItem } from './history-item';
import type { Page } from './paging';
import { projectEventsPage, type ProjectEventsQuery } from './project-events';
import type { ReadContext } from './read-context';

/**
 * GET /projects/{projectId}/history: the project's events with metadata and a one-line summary each, in `language`
 * (English unless asked: the command line's).
 */
export async function projectHistory(
  context: ReadContext,
  projectId: string,
  query: ProjectEventsQuery,
  language: Language = 'en',
): Promise<TemporalStamp & Page<HistoryItem>> {
  const { stamp, page } = await projectEventsPage(context, projectId, query);
  return { ...stamp, items: page.items.map((stored) => historyItem(stored, language)), nextCursor: page.nextCursor };
}
