// Counts the turns of the event loop while some work runs: how a test sees that long work lets requests in meanwhile.
import { performance } from 'node:perf_hooks';

/** How often the event loop turned (a setImmediate chain ran) while `work` ran, and how long the work took. */
export async function eventLoopTurnsDuring(work: () => Promise<unknown>): Promise<{ turns: number; ms: number }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    if (!running) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  const startedAt = performance.now();
  try {
    await work();
  } finally {
    running = false;
  }
  return { turns, ms: performance.now() - startedAt };
}
