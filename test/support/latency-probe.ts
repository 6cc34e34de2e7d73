// Probes a running service while a long operation runs in it: how long its answers took, and that they came in time.
import { performance } from 'node:perf_hooks';

/** The worst latencies seen, and how many rounds of probes were answered before the operation finished. */
export interface ProbeReport {
  readonly worstLiveMs: number;
  readonly worstPortfolioMs: number;
  readonly roundsWhileRunning: number;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return performance.now() - started;
}

/**
 * Sends GET /health/live then GET /api/v1/portfolio, over and over, until `running()` turns false. A round counts as
 * answered while running only if the operation had not finished when its answers arrived: a probe that merely waited
 * for the operation to end is what the bounds are there to catch, not evidence of responsiveness.
 */
export async function probeWhile(
  baseUrl: string,
  headers: Record<string, string>,
  running: () => Promise<boolean>,
): Promise<ProbeReport> {
  let [worstLiveMs, worstPortfolioMs, roundsWhileRunning] = [0, 0, 0];
  while (await running()) {
    worstLiveMs = Math.max(worstLiveMs, await timedGet(`${baseUrl}/health/live`, {}));
    worstPortfolioMs = Math.max(worstPortfolioMs, await timedGet(`${baseUrl}/api/v1/portfolio`, headers));
    if (await running()) roundsWhileRunning += 1;
  }
  return { worstLiveMs, worstPortfolioMs, roundsWhileRunning };
}
