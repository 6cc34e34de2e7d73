import { value, type Env } from './env';

// PORTFOLIO_RETENTION_IDENTITY_DAYS and PORTFOLIO_RETENTION_INTERVAL_MS: how long identifying data is kept, and how
// often the service erases what is past it.

/** How often retention runs, unless configured: hourly (it also runs at start). */
export const DEFAULT_RETENTION_INTERVAL_MS = 3_600_000;

export interface RetentionConfig {
  /** Days identifying data is kept after the event. Absent: kept until erased on request. */
  readonly retentionIdentityDays?: number;
  /** Absent: DEFAULT_RETENTION_INTERVAL_MS. */
  readonly retentionIntervalMs?: number;
}

// A day to a century; a tenth of a second (tests) to a day.
const DAYS = { min: 1, max: 36_500 };
const INTERVAL_MS = { min: 100, max: 86_400_000 };

function wholeNumber(
  env: Env,
  name: string,
  bounds: { readonly min: number; readonly max: number },
  unit: string,
  problems: string[],
): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (!/^\d+$/.test(raw) || parsed < bounds.min || parsed > bounds.max) {
    problems.push(`${name} must be a whole number of ${unit} from ${bounds.min} to ${bounds.max} (got "${raw}")`);
    return undefined;
  }
  return parsed;
}

export function parseRetentionConfig(env: Env, problems: string[]): RetentionConfig {
  const days = wholeNumber(env, 'PORTFOLIO_RETENTION_IDENTITY_DAYS', DAYS, 'days', problems);
  const intervalMs = wholeNumber(env, 'PORTFOLIO_RETENTION_INTERVAL_MS', INTERVAL_MS, 'milliseconds', problems);
  return {
    ...(days === undefined ? {} : { retentionIdentityDays: days }),
    ...(intervalMs === undefined ? {} : { retentionIntervalMs: intervalMs }),
  };
}
