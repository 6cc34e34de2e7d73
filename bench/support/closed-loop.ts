// A closed loop: clients that each send their next request as soon as their previous one has answered.
import { percentile } from './stats';

export interface ClosedLoopResult {
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Requests that succeeded, per second of the run. */
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * Keeps the server busy with `clients` requests at all times for `seconds`: what it completes per second is the most
 * it can do, whatever the latency. `send(i)` sends the i-th request and answers whether it succeeded.
 */
export async function runClosedLoop(
  clients: number,
  seconds: number,
  send: (i: number) => Promise<boolean>,
): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const i = next;
      next += 1;
      const sent = performance.now();
      if (await send(i).catch(() => false)) latencies.push(performance.now() - sent);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return {
    sent: next,
    succeeded: latencies.length,
    failed,
    perSecond: latencies.length / ((performance.now() - start) / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
