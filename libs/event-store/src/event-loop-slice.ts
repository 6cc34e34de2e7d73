// Long walks over the log share the one event loop with every request: they hand it back once a time slice is spent.
import { performance } from 'node:perf_hooks';

/**
 * How long a stretch of work without I/O may hold the event loop before yielding (ms): short enough that a health
 * check or a read waits a few slices at worst, long enough that yielding costs little throughput.
 */
const TIME_SLICE_MS = 10;

let sliceStartedAt: number | undefined;

/**
 * Whether the work since the event loop last turned has outlasted a time slice. The slice starts at the first call
 * after a turn, and a setImmediate queued then marks the next turn: so a walk resumed after I/O or a yield, or a short
 * read after idle time, starts a fresh slice. Process-wide on purpose: a rebuild runs many short reads in a row, each
 * too short to spend a slice alone.
 */
export function timeSliceSpent(): boolean {
  const now = performance.now();
  if (sliceStartedAt === undefined) {
    sliceStartedAt = now;
    setImmediate(() => {
      sliceStartedAt = undefined;
    });
    return false;
  }
  return now - sliceStartedAt >= TIME_SLICE_MS;
}

/** Lets timers, sockets and other requests run before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Events a read hands out between two looks at the clock: reading it for every event cost a fifth of readAll's speed. */
const SLICE_CHECK_EVERY = 32;

/**
 * For a read handing out the rows of a page one by one: whether to yield before the row at `rowIndex`. The clock is
 * read every few rows only, and each row's consumer runs before the next, so its work counts toward the slice too.
 */
export function timeToYieldAt(rowIndex: number): boolean {
  return rowIndex % SLICE_CHECK_EVERY === 0 && timeSliceSpent();
}
