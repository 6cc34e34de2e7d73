import type { JsonObject, JsonValue, NewEvent, StoredEvent } from '@portfolio/event-store';
import type { Clock } from '../clock/clock';
import { periodOf, type SqlPersonalKeyStore } from './personal-key-store';
import { concealEvents, envelopeKeyIds, revealValue } from './personal-values';

/** Injection token of PersonalData. */
export const PERSONAL_DATA = Symbol('PersonalData');

/** The two steps personal values go through: sealed before the log stores them, revealed when they leave the service. */
export class PersonalData {
  constructor(
    readonly keys: SqlPersonalKeyStore,
    private readonly clock: Clock,
  ) {}

  /** The command's events, their personal values sealed under the actor's key for this month. */
  async conceal(events: readonly NewEvent[], subject: string): Promise<NewEvent[]> {
    if (events.length === 0) return [];
    const now = this.clock.now();
    const key = await this.keys.keyFor(subject, periodOf(now), now.toISOString());
    return concealEvents(events, key);
  }

  /** The events with their envelopes opened, or « donnée effacée » where the key is gone; one key lookup in all. */
  async reveal<Event extends StoredEvent>(events: readonly Event[]): Promise<Event[]> {
    const ids = new Set<string>();
    for (const event of events) {
      envelopeKeyIds(event.data, ids);
      envelopeKeyIds(event.metadata, ids);
    }
    if (ids.size === 0) return [...events];
    const keys = await this.keys.keys(ids);
    return events.map((event) => ({
      ...event,
      data: revealValue(event.data, 'data', keys) as JsonObject,
      metadata: revealValue(event.metadata, 'metadata', keys) as JsonObject,
    }));
  }

  /** An event's `data` kept in a read-model row, revealed. */
  async revealData<Data>(rows: readonly Data[]): Promise<Data[]> {
    const ids = new Set<string>();
    for (const data of rows) envelopeKeyIds(data as JsonValue, ids);
    if (ids.size === 0) return [...rows];
    const keys = await this.keys.keys(ids);
    return rows.map((data) => revealValue(data as JsonValue, 'data', keys) as Data);
  }
}
