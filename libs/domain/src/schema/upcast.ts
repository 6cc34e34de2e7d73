import type { DomainEvent, DomainEventType } from '../domain-event';

/** Event data as stored: a JSON object. */
export type EventData = { readonly [key: string]: unknown };

/**
 * One step of an event type's schema, version n → n+1: a pure function of the stored data (and its metadata, for a
 * step that needs the context the event was recorded in). Never applied to what is hashed: only to what is read.
 */
export type Upcaster = (data: EventData, metadata?: EventData) => EventData;

/** An event as the log holds it, before upcasting: its type, schema version, data and metadata. */
export interface VersionedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: EventData;
  readonly metadata?: EventData;
}

/** Thrown when the stored event is of a type this code does not know, or of a version it cannot read. */
export class UnreadableEventSchemaError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    reason: string,
  ) {
    super(`event ${type} v${schemaVersion}: ${reason}`);
    this.name = 'UnreadableEventSchemaError';
  }
}

/** Each type's upcasters, the one at index n-1 taking version n to n+1: the newest version is their count + 1. */
export type UpcasterChains = { readonly [Type in DomainEventType]: readonly Upcaster[] };

/** The version of each type that is written: the newest. */
export function newestVersions(chains: UpcasterChains): { readonly [Type in DomainEventType]: number } {
  return Object.fromEntries(Object.entries(chains).map(([type, steps]) => [type, steps.length + 1])) as {
    [Type in DomainEventType]: number;
  };
}

/**
 * The domain event a stored event carries, in its type's newest version: each upcaster from its stored version on,
 * in order. A version newer than this code knows (written by a later release) is refused, never guessed at.
 */
export function upcastWith(chains: UpcasterChains, event: VersionedEvent): DomainEvent {
  if (!Object.hasOwn(chains, event.type)) {
    throw new UnreadableEventSchemaError(event.type, event.schemaVersion, 'unknown event type');
  }
  const steps = chains[event.type as DomainEventType];
  const newest = steps.length + 1;
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1 || event.schemaVersion > newest) {
    throw new UnreadableEventSchemaError(
      event.type,
      event.schemaVersion,
      `this release reads versions 1 to ${newest} of this type`,
    );
  }
  let data = event.data;
  for (const step of steps.slice(event.schemaVersion - 1)) data = step(data, event.metadata);
  return { type: event.type, data } as unknown as DomainEvent;
}
