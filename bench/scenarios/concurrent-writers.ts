import type { StoreBatch } from '../generate/store-batches';
import { timed } from '../support/stats';

/**
 * Appends every batch with `writers` concurrent writers, writer w taking batches w, w + writers, ...: with the
 * store-level workload's round-robin streams, no two writers ever share a stream. Returns the elapsed seconds.
 */
export async function appendWithWriters(
  batches: readonly StoreBatch[],
  writers: number,
  append: (batch: StoreBatch, writer: number) => Promise<unknown>,
): Promise<number> {
  const { seconds } = await timed(() =>
    Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let k = writer; k < batches.length; k += writers) await append(batches[k], writer);
      }),
    ),
  );
  return seconds;
}

/** The next expected revision of each stream, as a writer that knows its streams passes it to append. */
export class ExpectedRevisions {
  private readonly last = new Map<string, bigint>();

  expected(streamId: string): bigint | 'no_stream' {
    return this.last.get(streamId) ?? 'no_stream';
  }

  appended(streamId: string, count: number): void {
    const previous = this.last.get(streamId);
    this.last.set(streamId, (previous ?? -1n) + BigInt(count));
  }
}
