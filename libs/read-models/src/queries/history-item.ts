import { businessDateOf, type DomainEvent } from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import { summariseEvent } from '../history/summarise-event';
import type { Language } from '../language';

/** An event as a reviewer reads it: its metadata, its business date and a one-line summary in the reader's language. */
export interface HistoryItem {
  readonly position: string;
  readonly revision: string;
  readonly type: string;
  readonly businessDate: string;
  readonly recordedAt: string;
  readonly summary: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** The domain event a stored event carries. */
export function domainEventOf(stored: StoredEvent): DomainEvent {
  return { type: stored.type, data: stored.data } as unknown as DomainEvent;
}

export function historyItem(stored: StoredEvent, language: Language): HistoryItem {
  const event = domainEventOf(stored);
  return {
    position: stored.position.toString(),
    revision: stored.revision.toString(),
    type: stored.type,
    businessDate: businessDateOf(event),
    recordedAt: stored.recordedAt,
    summary: summariseEvent(event, language),
    data: stored.data,
    metadata: stored.metadata,
  };
}
