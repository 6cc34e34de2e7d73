import { businessDateOf, upcastEvent, type DomainEvent } from '@portfolio/domain';
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

/** The domain event a stored event carries, in its type's newest schema version. */
export function domainEventOf(stored: StoredEvent): DomainEvent {
  return upcastEvent(stored);
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
    // As stored, in its own schema version: the data the event's hash covers, which an auditor recomputes.
    data: stored.data,
    metadata: stored.metadata,
  };
}
