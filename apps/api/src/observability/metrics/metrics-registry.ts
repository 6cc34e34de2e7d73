import { collectDefaultMetrics, Registry } from 'prom-client';

/** Injection token of the application's own Prometheus registry (never prom-client's global one). */
export const METRICS_REGISTRY = Symbol('MetricsRegistry');

/** Seconds, from a fast read (5 ms) to a 10,000-measurement batch or a long export (60 s). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * A registry per application, with Node's process metrics (CPU, memory, event loop, GC): two applications in one
 * process (tests) never mix their counts.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
