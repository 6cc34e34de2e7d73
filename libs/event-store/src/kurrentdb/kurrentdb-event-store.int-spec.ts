import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { StoreUnavailableError } from '../errors';
import { eventStoreContract } from '../testing/event-store-contract';
import { kurrentDbTestUrl, kurrentDbUnavailableReason } from '../testing/kurrentdb-test-server';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const unavailable = kurrentDbUnavailableReason();

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('KurrentDB event store without a server', () => {
  it('refuses to open, reporting the store as unavailable rather than starting half-connected', async () => {
    const connectionString = `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`;
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
