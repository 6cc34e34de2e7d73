import { isLogOrigin } from '@portfolio/audit';
import { value, type Env } from './env';

// PORTFOLIO_LOG_ORIGIN and PORTFOLIO_CHECKPOINT_INTERVAL_MS: how the log's signed checkpoints are named and paced.

/** At most this long between the head moving and a checkpoint covering it, unless configured. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 10_000;

export interface CheckpointConfig {
  /** Absent: named after the signing key (see defaultLogOrigin). */
  readonly logOrigin?: string;
  /** Absent: DEFAULT_CHECKPOINT_INTERVAL_MS. */
  readonly checkpointIntervalMs?: number;
}

// From a tenth of a second (tests) to a day.
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 86_400_000;

export function parseCheckpointConfig(env: Env, problems: string[]): CheckpointConfig {
  const logOrigin = value(env, 'PORTFOLIO_LOG_ORIGIN');
  if (logOrigin !== undefined && !isLogOrigin(logOrigin)) {
    problems.push(
      `PORTFOLIO_LOG_ORIGIN must be a schema-less URL-like name, e.g. ledger.example.gouv.fr/portfolio, without spaces or "+" (got "${logOrigin}")`,
    );
  }
  const rawInterval = value(env, 'PORTFOLIO_CHECKPOINT_INTERVAL_MS');
  const checkpointIntervalMs = rawInterval === undefined ? undefined : Number(rawInterval);
  const isInterval = (ms: number) => Number.isInteger(ms) && ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS;
  if (rawInterval !== undefined && (!/^\d+$/.test(rawInterval) || !isInterval(Number(rawInterval)))) {
    problems.push(
      `PORTFOLIO_CHECKPOINT_INTERVAL_MS must be a whole number of milliseconds from ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS} (got "${rawInterval}")`,
    );
  }
  return {
    ...(logOrigin === undefined ? {} : { logOrigin }),
    ...(checkpointIntervalMs === undefined ? {} : { checkpointIntervalMs }),
  };
}
