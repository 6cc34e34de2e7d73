// A walk over the whole log shares the event loop with every request: it hands the loop back once a slice is spent.
import { performance } from 'node:perf_hooks';

/** How long the walk may hold the event loop between turns (ms): a few requests' worth, and little lost throughput. */
export const TIME_SLICE_MS = 15;

/**
 * Turns of the event loop for a long run of synchronous steps. SQLite's reads are synchronous, so a `for await` over
 * its log runs on microtasks alone: at start, the service would not even listen before the last event was read.
 */
export class TimeSlice {
  private startedAt = performance.now();

  /** Whether the steps since the last turn have held the loop for a slice: then the caller awaits `nextTurn`. */
  get spent(): boolean {
    return performance.now() - this.startedAt >= TIME_SLICE_MS;
  }

  /** Lets timers and sockets run, then starts a new slice. */
  async nextTurn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.startedAt = performance.now();
  }
}
