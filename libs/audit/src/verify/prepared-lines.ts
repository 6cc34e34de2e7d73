import { lineBatches } from './line-batches';
import { LinePool } from './line-pool';
import { prepareLines, type PreparedLines, type PreparePlan } from './prepared-line';

// Batches of about this many bytes (some hundred events): large enough that handing one to a worker costs little
// beside its work, small enough that what was prepared ahead is still young when checked (the GC's cheap case).
const BATCH_BYTES = 1 << 16;
// Batches waiting at each worker beyond which this thread prepares the next itself rather than wait for the workers.
const WORKER_QUEUE = 2;

/** Some lines of the file, in order: the first is line `firstLine` (1-based). */
export interface PreparedBatch extends PreparedLines {
  readonly firstLine: number;
}

/**
 * The lines of events.ndjson prepared (prepared-line.ts), in file order, by `workers` worker threads, or in this
 * thread when 0 or when the file fits one batch (starting workers would cost more than they save). This thread also
 * makes the in-order checks, which take about half a worker's time: rather than wait while every worker has batches
 * waiting, it prepares the next batch itself. At most two batches per worker are in flight: memory stays bounded
 * whatever the file's size, and reading waits for checking.
 */
export async function* preparedLines(
  chunks: AsyncIterable<Buffer>,
  plan: PreparePlan,
  { workers, batchBytes = BATCH_BYTES }: { readonly workers: number; readonly batchBytes?: number },
): AsyncGenerator<PreparedBatch> {
  let pool: LinePool | undefined;
  const inFlight: Promise<PreparedLines>[] = [];
  let firstLine = 1;
  let started = false;
  async function* oldest(): AsyncGenerator<PreparedBatch> {
    const prepared = await (inFlight.shift() as Promise<PreparedLines>);
    yield { firstLine, ...prepared };
    firstLine += prepared.lines.length;
  }
  try {
    for await (const batch of lineBatches(chunks, batchBytes, plan.maxLineBytes)) {
      if ('overlong' in batch) {
        while (inFlight.length > 0) yield* oldest();
        yield { firstLine, lines: [{ kind: 'overlong' }] };
        return;
      }
      if (pool === undefined && workers > 0 && started) pool = new LinePool(workers, plan);
      started = true;
      const prepared =
        pool === undefined || pool.busy(WORKER_QUEUE)
          ? Promise.resolve(prepareLines(batch, plan))
          : pool.prepare(batch);
      // A worker's failure is thrown where its batch is awaited, not as an unhandled rejection before.
      prepared.catch(() => undefined);
      inFlight.push(prepared);
      if (inFlight.length > 2 * Math.max(workers, 1)) yield* oldest();
    }
    while (inFlight.length > 0) yield* oldest();
  } finally {
    await pool?.close();
  }
}
