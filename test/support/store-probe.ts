import { EVENT_STORE, PERSONAL_DATA, type PersonalData } from '@portfolio/application';
import type { EventStore, StoredEvent } from '@portfolio/event-store';
import type { TestApp } from './test-app';

/** The running application's own event store, to check what a request did (or did not) append. */
export function storeOf(testApp: TestApp): EventStore {
  return testApp.app.get<EventStore>(EVENT_STORE);
}

export async function allEvents(testApp: TestApp): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of storeOf(testApp).readAll()) events.push(event);
  return events;
}

/** Every event with its personal values opened, as the reads show them (the log itself holds envelopes). */
export async function revealedEvents(testApp: TestApp): Promise<StoredEvent[]> {
  return testApp.app.get<PersonalData>(PERSONAL_DATA).reveal(await allEvents(testApp));
}
