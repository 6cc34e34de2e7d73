import { EVENT_STORE } from '@portfolio/application';
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
