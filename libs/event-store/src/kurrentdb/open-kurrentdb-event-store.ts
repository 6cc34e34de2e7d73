// Opens the KurrentDB adapter, loading its gRPC client only then.
import type * as Adapter from './kurrentdb-event-store';

/**
 * Why not a plain export of the class: its client costs every process that imports the event-store package about
 * 28 MB and half a second at start, and most never talk to KurrentDB (the verifier and its workers, the CLI, a service
 * on SQLite or PostgreSQL). A require, not an `import()`: this package compiles to CommonJS.
 */
export async function openKurrentDbEventStore(
  options: Adapter.KurrentDbEventStoreOptions,
): Promise<Adapter.KurrentDbEventStore> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { KurrentDbEventStore } = require('./kurrentdb-event-store') as typeof Adapter;
  return KurrentDbEventStore.open(options);
}
