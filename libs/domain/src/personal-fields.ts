import type { DomainEventType } from './domain-event';

/**
 * The free-text fields of each event's `data` that may name people, stored encrypted under the author's key so that
 * erasing the author's data erases them too (the actor's name, organisation and e-mail in `metadata.actor` always are).
 * A mapped type: a new event type does not compile until it says which of its fields are personal.
 */
export const PERSONAL_DATA_FIELDS: { readonly [Type in DomainEventType]: readonly string[] } = {
  MissionDefined: [],
  ProjectLaunched: [],
  MilestoneReached: ['evidence'],
  IndicatorMeasured: [],
  ProjectRedesigned: ['reason', 'decidedBy'],
  ProjectClosed: ['note'],
  ReviewCycleHeld: [],
  // Its reason is the administrator's, written not to name the person; its subject is an id, not a name.
  PersonalDataErased: [],
};

/** The fields of `metadata.actor` that identify a person; its `id` stays clear: it names the data subject. */
export const PERSONAL_ACTOR_FIELDS: readonly string[] = ['name', 'organisation', 'email'];
