import type { StoredEvent } from '@portfolio/event-store';
import { toPosition } from '../database/read-model-tables';
import type { AuditLogCriteria } from './audit-log-criteria';
import type { Language } from '../language';
import { historyItem, type HistoryItem } from './history-item';
import { pageOf, type Page } from './paging';
import type { PageSize } from './query-parameters';
import type { ReadContext } from './read-context';
import { awaitMinPosition, type TemporalQuery } from './temporal-query';

/** GET /events: a page of the audit log, after a position. */
export interface AuditLogQuery extends AuditLogCriteria, Pick<TemporalQuery, 'minPosition'> {
  /** The position the previous page ended with (its nextCursor). */
  readonly after?: bigint;
  readonly limit?: number;
}

export const AUDIT_LOG_PAGE: PageSize = { fallback: 100, max: 1000 };

/** An event of the audit log: as the history shows it, with what its hash chain needs. */
export interface AuditLogItem extends HistoryItem {
  readonly streamId: string;
  readonly eventId: string;
  readonly hash: string;
  readonly prevHash: string;
}

/** GET /events: a page of the audit log, oldest first, summaries in `language` (English unless asked). */
export async function auditLogPage(
  context: ReadContext,
  query: AuditLogQuery,
  language: Language = 'en',
): Promise<Page<AuditLogItem>> {
  if (query.minPosition !== undefined) await awaitMinPosition(context, query.minPosition);
  const limit = query.limit ?? AUDIT_LOG_PAGE.fallback;
  const positions = pageOf(await selectedPositions(context, query, query.after, limit + 1), limit, String);
  const events = await context.store.readPositions(positions.items);
  return { items: events.map((stored) => auditLogItem(stored, language)), nextCursor: positions.nextCursor };
}

/** An event as the audit log shows it, its summary in `language`. */
export function auditLogItem(stored: StoredEvent, language: Language): AuditLogItem {
  return {
    ...historyItem(stored, language),
    streamId: stored.streamId,
    eventId: stored.eventId,
    hash: stored.hash,
    prevHash: stored.prevHash,
  };
}

/**
 * Every event of the audit log the criteria select, up to `upTo` (an export's fixed end), in position order, read
 * page by page: constant memory whatever the size of the log.
 */
export async function* auditLogEvents(
  context: ReadContext,
  criteria: AuditLogCriteria,
  upTo: bigint,
  pageSize = 1000,
): AsyncIterable<StoredEvent> {
  const toPosition = criteria.toPosition !== undefined && criteria.toPosition < upTo ? criteria.toPosition : upTo;
  let after: bigint | undefined;
  for (;;) {
    const positions = await selectedPositions(context, { ...criteria, toPosition }, after, pageSize);
    if (positions.length === 0) return;
    yield* await context.store.readPositions(positions);
    if (positions.length < pageSize) return;
    after = positions[positions.length - 1];
  }
}

/** The positions the criteria select after `after`, from the audit-log index. */
async function selectedPositions(
  context: ReadContext,
  criteria: AuditLogCriteria,
  after: bigint | undefined,
  limit: number,
): Promise<bigint[]> {
  let query = context.db
    .selectFrom('rm_event_index')
    .select('position')
    .where('generation', '=', context.projections.activeGenerationNumber)
    .orderBy('position')
    .limit(limit);
  if (after !== undefined) query = query.where('position', '>', after.toString());
  if (criteria.fromPosition !== undefined) query = query.where('position', '>=', criteria.fromPosition.toString());
  if (criteria.toPosition !== undefined) query = query.where('position', '<=', criteria.toPosition.toString());
  if (criteria.type !== undefined) query = query.where('type', '=', criteria.type);
  if (criteria.projectId !== undefined) query = query.where('project_id', '=', criteria.projectId);
  if (criteria.missionCode !== undefined) query = query.where('mission_code', '=', criteria.missionCode);
  if (criteria.actor !== undefined) query = query.where('actor_id', '=', criteria.actor);
  if (criteria.recordedFrom !== undefined) query = query.where('recorded_at', '>=', criteria.recordedFrom);
  if (criteria.recordedTo !== undefined) query = query.where('recorded_at', '<=', criteria.recordedTo);
  return (await query.execute()).map((row) => toPosition(row.position));
}
