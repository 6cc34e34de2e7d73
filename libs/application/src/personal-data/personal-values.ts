import { PERSONAL_ACTOR_FIELDS, PERSONAL_DATA_FIELDS, type DomainEventType } from '@portfolio/domain';
import { isPlainObject, type JsonObject, type JsonValue, type NewEvent } from '@portfolio/event-store';
import {
  ERASED_PLACEHOLDER,
  isPersonalEnvelope,
  openPersonalValue,
  sealPersonalValue,
  type PersonalEnvelope,
  type PersonalKey,
} from './personal-envelope';

// Where personal values sit in an event, and the two walks over them: conceal before append, reveal after read.

/**
 * The command's events with their personal values sealed under `key` (the actor's for this period). Events of one
 * command share their metadata: it is sealed once, and each event's personal data fields once.
 */
export function concealEvents(events: readonly NewEvent[], key: PersonalKey): NewEvent[] {
  const sealedMetadata = new Map<JsonObject, JsonObject>();
  return events.map((event) => {
    let metadata = sealedMetadata.get(event.metadata);
    if (metadata === undefined) {
      metadata = concealActor(event.metadata, key);
      sealedMetadata.set(event.metadata, metadata);
    }
    return { ...event, data: concealData(event.type, event.data, key), metadata };
  });
}

function concealActor(metadata: JsonObject, key: PersonalKey): JsonObject {
  const actor = metadata.actor;
  if (!isPlainObject(actor)) return metadata;
  return { ...metadata, actor: concealFields(actor, PERSONAL_ACTOR_FIELDS, 'metadata.actor', key) };
}

function concealData(type: string, data: JsonObject, key: PersonalKey): JsonObject {
  const fields = PERSONAL_DATA_FIELDS[type as DomainEventType] ?? [];
  return concealFields(data, fields, 'data', key);
}

function concealFields(object: JsonObject, fields: readonly string[], path: string, key: PersonalKey): JsonObject {
  const sealed: Record<string, JsonValue> = { ...object };
  for (const field of fields) {
    const value = object[field];
    if (typeof value === 'string') {
      sealed[field] = sealPersonalValue(key, `${path}.${field}`, value) as unknown as JsonValue;
    }
  }
  return sealed;
}

/** Every key id the value's envelopes name. */
export function envelopeKeyIds(value: JsonValue, into = new Set<string>()): Set<string> {
  if (isPersonalEnvelope(value)) {
    into.add(value.$personal.key);
  } else if (Array.isArray(value)) {
    for (const item of value as readonly JsonValue[]) envelopeKeyIds(item, into);
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) envelopeKeyIds(item, into);
  }
  return into;
}

/**
 * `value` (found at `path`: `data` or `metadata`) with each envelope replaced by its text, or by the placeholder
 * when its key is not among `keys` (erased) or it does not open where it is.
 */
export function revealValue(value: JsonValue, path: string, keys: ReadonlyMap<string, PersonalKey>): JsonValue {
  if (isPersonalEnvelope(value)) return revealEnvelope(value, path, keys);
  if (Array.isArray(value)) {
    return (value as readonly JsonValue[]).map((item, index) => revealValue(item, `${path}.${index}`, keys));
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, revealValue(item, `${path}.${name}`, keys)]),
    );
  }
  return value;
}

function revealEnvelope(envelope: PersonalEnvelope, path: string, keys: ReadonlyMap<string, PersonalKey>): string {
  return openPersonalValue(envelope, path, keys.get(envelope.$personal.key)) ?? ERASED_PLACEHOLDER;
}
