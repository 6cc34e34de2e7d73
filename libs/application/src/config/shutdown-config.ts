import { value, type Env } from './env';

// PORTFOLIO_SHUTDOWN_TIMEOUT_MS: how long a SIGTERM or SIGINT may take to drain the API and close it.

/** Unless configured: as long as Docker waits between SIGTERM and SIGKILL by default. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ShutdownConfig {
  /** Absent: DEFAULT_SHUTDOWN_TIMEOUT_MS. */
  readonly shutdownTimeoutMs?: number;
}

// From a second (closing the stores takes a few hundred milliseconds) to ten minutes.
const MIN_TIMEOUT_MS = 1_000;
const MAX_TIMEOUT_MS = 600_000;

export function parseShutdownConfig(env: Env, problems: string[]): ShutdownConfig {
  const raw = value(env, 'PORTFOLIO_SHUTDOWN_TIMEOUT_MS');
  if (raw === undefined) return {};
  const shutdownTimeoutMs = Number(raw);
  if (!/^\d+$/.test(raw) || shutdownTimeoutMs < MIN_TIMEOUT_MS || shutdownTimeoutMs > MAX_TIMEOUT_MS) {
    problems.push(
      `PORTFOLIO_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS} (got "${raw}")`,
    );
    return {};
  }
  return { shutdownTimeoutMs };
}
