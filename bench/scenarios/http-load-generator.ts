import { launchProjects, measurementCommand, post, type HttpTarget } from '../support/http-commands';
import { scenarioMain } from '../support/scenario';
import { percentile } from '../support/stats';

export interface LoadInput extends HttpTarget {
  /** Commands per second, sent on schedule whether or not earlier ones have answered (open loop). */
  readonly rate: number;
  readonly seconds: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly commandsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * (a) Single commands over HTTP from a process of its own: one measurement per request, at a fixed rate over many
 * projects. Latency counts from the scheduled send time, so a stalled server cannot hide its queue (no coordinated
 * omission).
 */
async function generateLoad(input: LoadInput): Promise<LoadResult> {
  await launchProjects(input);
  const total = Math.round(input.rate * input.seconds);
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const scheduled = start + (i * 1000) / input.rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path, body } = measurementCommand(input, i);
    inFlight.push(
      post(input, path, body).then(
        (status) => {
          if (status === 201) latencies.push(performance.now() - scheduled);
          else failed += 1;
        },
        () => void (failed += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  return {
    sent: total,
    succeeded: latencies.length,
    failed,
    commandsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

scenarioMain(module, generateLoad);
