import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { join } from 'node:path';
import { storeBatches, type StoreBatch } from '../../generate/store-batches';
import { appendWithWriters } from '../../scenarios/concurrent-writers';
import type { StoreAppendInput } from '../../scenarios/store-append-result';
import { scenarioMain } from '../../support/scenario';
import { timed } from '../../support/stats';

export interface PeerAppendResult {
  readonly events: number;
  readonly appendPerSecond: number;
  readonly readStreamPerSecond: number;
}

interface PeerStore {
  appendToStream(streamName: string, events: { type: string; data: Record<string, unknown> }[]): Promise<unknown>;
  readStream(streamName: string): Promise<{ events: unknown[] }>;
  // Emmett's SQLite store opens and closes a connection per call and has no close of its own.
  close?(): Promise<void>;
}

/**
 * (c) Emmett's event store on the same workload as scenario b: the same batches appended in order by one writer,
 * then every stream read whole. Its own package folder keeps Emmett out of the product's dependencies.
 */
async function emmettAppend(
  input: StoreAppendInput & { readonly kind: 'sqlite' | 'postgres' },
): Promise<PeerAppendResult> {
  const batches: StoreBatch[] = [...storeBatches({ events: input.events, batchSize: input.batchSize })];
  const events = batches.reduce((n, b) => n + b.events.length, 0);
  const store: PeerStore =
    input.kind === 'sqlite'
      ? (getSQLiteEventStore({ fileName: join(input.dataDir, 'emmett.sqlite') }) as unknown as PeerStore)
      : (getPostgreSQLEventStore(input.databaseUrl ?? '') as unknown as PeerStore);
  try {
    const appendSeconds = await appendWithWriters(batches, 1, (batch) =>
      store.appendToStream(
        batch.streamId,
        batch.events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
      ),
    );
    const streams = [...new Set(batches.map((b) => b.streamId))];
    const { result: read, seconds: readSeconds } = await timed(async () => {
      let count = 0;
      for (const streamId of streams) count += (await store.readStream(streamId)).events.length;
      return count;
    });
    if (read !== events) throw new Error(`Emmett read back ${read} events of ${events}`);
    return { events, appendPerSecond: events / appendSeconds, readStreamPerSecond: read / readSeconds };
  } finally {
    await store.close?.();
  }
}

scenarioMain(module, emmettAppend);
