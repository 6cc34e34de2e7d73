import type { EventStore, StoredEvent } from '@portfolio/event-store';
import type { StoreBatch } from '../generate/store-batches';
import { measureMemory } from '../support/memory-use';
import { timed } from '../support/stats';
import { appendWithWriters } from './concurrent-writers';

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
  /** Bytes the 1-writer append run allocated on the JS heap, per event appended (support/memory-use.ts). */
  readonly allocatedBytesPerEvent: number;
  /** The process's peak resident set size during the 1-writer append run (the workload's batches included). */
  readonly peakRssBytes: number;
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

/** The append run of `batches` by `writers` writers: its elapsed seconds, and its memory per event appended. */
export async function measuredAppend(
  batches: readonly StoreBatch[],
  writers: number,
  append: (batch: StoreBatch) => Promise<unknown>,
): Promise<{ seconds: number } & Pick<StoreAppendResult, 'allocatedBytesPerEvent' | 'peakRssBytes'>> {
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const { result: seconds, memory } = await measureMemory(() => appendWithWriters(batches, writers, append));
  return {
    seconds,
    allocatedBytesPerEvent: Math.round(memory.allocatedBytes / events),
    peakRssBytes: memory.peakRssBytes,
  };
}
