// A log long enough that reading it takes many turns of the event loop, appended in a few large batches.
import type { EventStore } from '@portfolio/event-store';
import { newEvent } from './sealed-ledger';

const BATCH = 500;

/** Appends `count` events of about 300 bytes to streams of `BATCH` events each. */
export async function appendLongLog(store: EventStore, count: number): Promise<void> {
  for (let batch = 0; batch * BATCH < count; batch += 1) {
    const size = Math.min(BATCH, count - batch * BATCH);
    const events = Array.from({ length: size }, (_, i) => newEvent('NoteTaken', { batch, i, text: 'x'.repeat(200) }));
    await store.append(`notes-${batch}`, events, 'no_stream');
  }
}
