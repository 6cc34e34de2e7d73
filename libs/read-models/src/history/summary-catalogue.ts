import type { DomainEvent, DomainEventType } from '@portfolio/domain';

/** One language's one-line account of each event type, from the event's data. */
export type SummaryCatalogue = {
  readonly [Type in DomainEventType]: (data: Extract<DomainEvent, { type: Type }>['data']) => string;
};
