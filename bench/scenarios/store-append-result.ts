import type { EventStore, StoredEvent } from '@portfolio/event-store';
import type { StoreBatch } from '../generate/store-batches';
import { timed } from '../support/stats';

export interface StoreAppendInput {
  readonly dataDir: string;
  /** The run's own PostgreSQL database (postgres only). */
  readonly databaseUrl?: string;
  readonly events: number;
  readonly batchSize: number;
}

export interface WriterFigures {
  readonly rawInsertPerSecond: number;
  readonly storeAppendPerSecond: number;
}

/** What the store-level scenario (b) reports for one store. */
export interface StoreAppendResult {
  readonly events: number;
  readonly meanEventBytes: number;
  /** By number of concurrent writers. */
  readonly writers: Readonly<Record<string, WriterFigures>>;
  readonly rawReadPerSecond: number;
  /** The raw INSERT into a table with the store's secondary indexes (SQLite): the schema's share of the gap. */
  readonly rawInsertWithStoreIndexesPerSecond?: number;
  readonly readAllPerSecond: number;
  readonly readStreamPerSecond: number;
  /** After concurrent writers: whether a follower and a final readAll saw each event exactly once (postgres). */
  readonly exactAfterConcurrentWriters?: { readonly follower: boolean; readonly readAll: boolean };
}

/** Counts the events a read yields, checking they come in strictly increasing positions (global order). */
export async function countInOrder(events: AsyncIterable<StoredEvent>): Promise<number> {
  let count = 0;
  let last = 0n;
  for await (const event of events) {
    if (event.position <= last) throw new Error(`position ${event.position} came after ${last}`);
    last = event.position;
    count += 1;
  }
  return count;
}

/** Reads each stream the batches wrote, whole, and returns events per second. */
export async function readEveryStream(store: EventStore, batches: readonly StoreBatch[]): Promise<number> {
  const streams = [...new Set(batches.map((b) => b.streamId))];
  const { result, seconds } = await timed(async () => {
    let count = 0;
    for (const streamId of streams) count += await countInOrder(store.readStream(streamId));
    return count;
  });
  return result / seconds;
}
