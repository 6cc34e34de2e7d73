import { indicatorMeasuredV1ToV2 } from '../project/upcasters';
import { newestVersions, upcastWith, type UpcasterChains, type VersionedEvent } from './upcast';
import type { DomainEvent } from '../domain-event';

/**
 * Every event type's schema history, in one place: to change a type's data shape, append its upcaster (version n →
 * n+1) to its list; the type is then written in the new version and every stored version is read as the newest.
 */
export const UPCASTERS: UpcasterChains = {
  MissionDefined: [],
  ProjectLaunched: [],
  MilestoneReached: [],
  IndicatorMeasured: [indicatorMeasuredV1ToV2],
  ProjectRedesigned: [],
  ProjectClosed: [],
  ReviewCycleHeld: [],
  PersonalDataErased: [],
};

/** The schema version each type is written in: its newest. */
export const EVENT_SCHEMA_VERSIONS = newestVersions(UPCASTERS);

/** A stored event as the domain, its projectors and queries read it: its type's newest version. */
export function upcastEvent(event: VersionedEvent): DomainEvent {
  return upcastWith(UPCASTERS, event);
}
