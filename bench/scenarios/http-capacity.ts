import { launchProjects, measurementCommand, post, type HttpTarget } from '../support/http-commands';
import { scenarioMain } from '../support/scenario';
import { percentile } from '../support/stats';

export interface CapacityInput extends HttpTarget {
  /** Clients, each sending its next command as soon as its previous one has answered (closed loop). */
  readonly clients: number;
  readonly seconds: number;
}

export interface CapacityResult {
  readonly clients: number;
  readonly sent: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly commandsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * (a) The capacity of single commands over HTTP, from a process of its own: a fixed number of clients keep the service
 * busy for the given seconds, so what it completes per second is the most it can do, whatever the latency.
 */
async function measureCapacity(input: CapacityInput): Promise<CapacityResult> {
  await launchProjects(input);
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + input.seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const { path, body } = measurementCommand(input, next);
      next += 1;
      const sent = performance.now();
      const status = await post(input, path, body).catch(() => 0);
      if (status === 201) latencies.push(performance.now() - sent);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: input.clients }, client));
  const seconds = (performance.now() - start) / 1000;
  return {
    clients: input.clients,
    sent: next,
    succeeded: latencies.length,
    failed,
    commandsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

scenarioMain(module, measureCapacity);
