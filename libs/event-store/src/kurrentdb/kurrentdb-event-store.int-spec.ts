import { randomUUID } from 'node:crypto';
import { StoreUnavailableError } from '../errors';
import { eventStoreContract } from '../testing/event-store-contract';
import { freePort } from '../testing/free-port';
import { kurrentDbTestUrl, kurrentDbUnavailableReason } from '../testing/kurrentdb-test-server';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const unavailable = kurrentDbUnavailableReason();

describe('KurrentDB event store without a server', () => {
  it('refuses to open, reporting the store as unavailable rather than starting half-connected', async () => {
    const connectionString = `kurrentdb://127.0.0.1:${await freePort()}?tls=false`;
    await expect(KurrentDbEventStore.open({ connectionString })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

if (unavailable !== undefined) {
  describe('KurrentDB event store contract', () => {
    it.skip(`is skipped: ${unavailable}`, () => undefined);
  });
  // Said once on the console too, so that a green run never hides that this adapter went untested.
  console.warn(`KurrentDB event store contract skipped: ${unavailable}`);
} else {
  eventStoreContract(
    'KurrentDB',
    async () => {
      // A namespace per test stands in for a fresh database: KurrentDB cannot drop one.
      const namespace = `test${randomUUID().replace(/-/g, '').slice(0, 12)}:`;
      const open = () => KurrentDbEventStore.open({ connectionString: kurrentDbTestUrl(), namespace });
      const store = await open();
      const others: KurrentDbEventStore[] = [];
      return {
        store,
        openAnother: async () => {
          const other = await open();
          others.push(other);
          return other;
        },
        dispose: async () => {
          await store.close();
          await Promise.all(others.map((o) => o.close().catch(() => undefined)));
        },
      };
    },
    { tamperable: false, uniqueEventIdsAcrossStreams: false, timeIndex: 'server', commandIndexLagMs: 5000 },
  );
}
