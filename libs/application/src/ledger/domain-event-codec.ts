import { DOMAIN_EVENT_TYPES, EVENT_SCHEMA_VERSION, type DomainEvent } from '@portfolio/domain';
import { newEventId, type JsonObject, type NewEvent, type StoredEvent } from '@portfolio/event-store';
import type { CommandEnvelope } from './command-envelope';

const KNOWN_TYPES: ReadonlySet<string> = new Set(DOMAIN_EVENT_TYPES);

/** The metadata every event of a command carries (ARCHITECTURE §4); the command caused them all. */
export function commandMetadata(envelope: CommandEnvelope): JsonObject {
  const { id, name, role, organisation } = envelope.actor;
  return {
    actor: organisation === undefined ? { id, name, role } : { id, name, role, organisation },
    commandId: envelope.commandId,
    requestFingerprint: envelope.requestFingerprint,
    correlationId: envelope.correlationId,
    causationId: envelope.commandId,
  };
}

export function toNewEvents(events: readonly DomainEvent[], envelope: CommandEnvelope): NewEvent[] {
  const metadata = commandMetadata(envelope);
  return events.map((event) => ({
    eventId: newEventId(),
    type: event.type,
    schemaVersion: EVENT_SCHEMA_VERSION,
    data: event.data as unknown as JsonObject,
    metadata,
  }));
}

/** A stored event as the domain knows it. Only the first schema version exists, so there is nothing to upcast yet. */
export function toDomainEvent(stored: StoredEvent): DomainEvent {
  if (!KNOWN_TYPES.has(stored.type) || stored.schemaVersion !== EVENT_SCHEMA_VERSION) {
    throw new Error(`event at position ${stored.position} has unknown type ${stored.type} v${stored.schemaVersion}`);
  }
  return { type: stored.type, data: stored.data } as unknown as DomainEvent;
}
