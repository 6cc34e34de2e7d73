import type { DomainEvent } from './domain-event';
import { assertNever } from './shared/assert-never';
import type { IsoDate } from './shared/iso-date';

/** The day a fact belongs to in business time (ARCHITECTURE §7), as opposed to when it was recorded. */
export function businessDateOf(event: DomainEvent): IsoDate {
  switch (event.type) {
    case 'MissionDefined':
      return event.data.definedOn;
    case 'ProjectLaunched':
      return event.data.launchedOn;
    case 'MilestoneReached':
      return event.data.reachedOn;
    case 'IndicatorMeasured':
      return event.data.period;
    case 'ProjectRedesigned':
      return event.data.decidedOn;
    case 'ProjectClosed':
      return event.data.closedOn;
    case 'ReviewCycleHeld':
      return event.data.heldOn;
    case 'PersonalDataErased':
      return event.data.erasedOn;
    default:
      return assertNever(event);
  }
}
