import type { MissionEvent } from './mission/mission-events';
import type { PersonalDataEvent } from './personal-data/personal-data-events';
import type { ProjectEvent } from './project/project-events';
import type { ReviewCycleEvent } from './review-cycle/review-cycle-events';

/** Any fact the ledger records. */
export type DomainEvent = MissionEvent | ProjectEvent | ReviewCycleEvent | PersonalDataEvent;

/** The name of a kind of fact, as stored in the envelope's `type`. */
export type DomainEventType = DomainEvent['type'];

// A mapped type, so that adding an event to the union without listing it here fails to compile.
const eventTypes: { readonly [Type in DomainEventType]: Type } = {
  MissionDefined: 'MissionDefined',
  ProjectLaunched: 'ProjectLaunched',
  MilestoneReached: 'MilestoneReached',
  IndicatorMeasured: 'IndicatorMeasured',
  ProjectRedesigned: 'ProjectRedesigned',
  ProjectClosed: 'ProjectClosed',
  ReviewCycleHeld: 'ReviewCycleHeld',
  PersonalDataErased: 'PersonalDataErased',
};

export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = Object.freeze(Object.values(eventTypes));
