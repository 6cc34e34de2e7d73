import { preparedLines } from './prepared-lines';

// Backpressure: events.ndjson is read only as far ahead of the in-order checks as a few batches, whatever its size.

const LINE = Buffer.from(`{"position":"1","streamId":"s"}${' '.repeat(90)}\n`);
const CHUNK_LINES = 100;
const PLAN = { csvRows: false, leafHashes: false, maxLineBytes: 1 << 20 };

/** A file of `chunks` chunks of lines (without end when `chunks` is Infinity), counting the bytes read from it. */
function endlessFile(chunks: number): { readonly source: AsyncGenerator<Buffer>; readonly bytesRead: () => number } {
  const chunk = Buffer.concat(Array.from({ length: CHUNK_LINES }, () => LINE));
  let read = 0;
  async function* source(): AsyncGenerator<Buffer> {
    for (let i = 0; i < chunks; i += 1) {
      read += chunk.length;
      yield chunk;
    }
  }
  return { source: source(), bytesRead: () => read };
}

describe('preparedLines', () => {
  it.each([1_000, Infinity])(
    'reads no further than a few batches ahead of the batches taken, in a file of %s chunks',
    async (chunks) => {
      const batchBytes = 4 * 1024;
      const file = endlessFile(chunks);
      let taken = 0;
      let furthestAhead = 0;

      for await (const batch of preparedLines(file.source, PLAN, { workers: 0, batchBytes })) {
        taken += batch.lines.length * LINE.length;
        furthestAhead = Math.max(furthestAhead, file.bytesRead() - taken);
        if (taken > 2_000 * batchBytes) break;
      }

      // Two batches prepared ahead, one being cut, and the chunk they came from.
      expect(furthestAhead).toBeLessThanOrEqual(3 * batchBytes + CHUNK_LINES * LINE.length + LINE.length);
      expect(taken).toBeGreaterThan(2_000 * batchBytes);
    },
  );
});
