import { EVENT_SCHEMA_VERSIONS, upcastEvent, type DomainEvent } from '@portfolio/domain';
import { newEventId, type JsonObject, type NewEvent, type StoredEvent } from '@portfolio/event-store';
import type { CommandEnvelope } from './command-envelope';

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
    schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data as unknown as JsonObject,
    metadata,
  }));
}

/** A stored event as the domain knows it: upcast to its type's newest version (an unknown type or version throws). */
export function toDomainEvent(stored: StoredEvent): DomainEvent {
  try {
    return upcastEvent(stored);
  } catch (error) {
    throw new Error(`event at position ${stored.position}: ${(error as Error).message}`, { cause: error });
  }
}
