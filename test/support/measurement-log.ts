// A log of many events, seeded straight through the store in large concurrent appends (a few group commits).
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@portfolio/event-store';
import { seedLog } from '../../libs/read-models/src/testing/seed-log';

const APPEND_SIZE = 1000;

/** The i-th value of HubEE's indicator, spread over periods and territories as real measurements are. */
function measurement(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'IndicatorMeasured',
    schemaVersion: 1,
    data: {
      projectId: 'hubee',
      indicatorId: 'echanges',
      value: i,
      period: `20${10 + (i % 12)}-01-31`,
      territory: { level: 'departement', code: String(10 + (Math.floor(i / 12) % 80)) },
    },
    metadata: { actor: { id: 'seed', name: 'Seed', role: 'admin' } },
  };
}

/** A mission, two projects, then `measurements` values of HubEE: `measurements + 3` events in all. */
export async function seedMeasurementLog(store: EventStore, measurements: number): Promise<void> {
  await seedLog(store, 0);
  const appends: Promise<unknown>[] = [];
  for (let first = 0; first < measurements; first += APPEND_SIZE) {
    const count = Math.min(APPEND_SIZE, measurements - first);
    appends.push(
      store.append(
        'project-hubee',
        Array.from({ length: count }, (_, i) => measurement(first + i)),
        'any',
      ),
    );
  }
  await Promise.all(appends);
}
