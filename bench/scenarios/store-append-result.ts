import type { EventStore } from '@portfolio/event-store';
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
  readonly readAllPerSecond: number;
  readonly readStreamPerSecond: number;
  /** After concurrent writers: whether a follower and a final readAll saw each event exactly once (postgres). */
  readonly exactAfterConcurrentWriters?: { readonly follower: boolean; readonly readAll: boolean };
}

/** Reads each stream the batches wrote, whole, and returns events per second. */
export async function readEveryStream(store: EventStore, batches: readonly StoreBatch[]): Promise<number> {
  const streams = [...new Set(batches.map((b) => b.streamId))];
  const { result, seconds } = await timed(async () => {
    let count = 0;
    for (const streamId of streams) for await (const _event of store.readStream(streamId)) count += 1;
    return count;
  });
  return result / seconds;
}
