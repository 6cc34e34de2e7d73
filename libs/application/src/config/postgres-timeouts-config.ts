import { DEFAULT_POSTGRES_TIMEOUTS, type PostgresTimeouts } from '@portfolio/event-store';
import { value, type Env } from './env';

// PORTFOLIO_PG_CONNECT_TIMEOUT_MS, PORTFOLIO_PG_STATEMENT_TIMEOUT_MS, PORTFOLIO_PG_KEEPALIVE_MS and
// PORTFOLIO_PROJECTION_STALL_MS: how long the service waits on PostgreSQL before it calls it gone.

export interface PostgresTimeoutsConfig {
  /** Absent: DEFAULT_POSTGRES_TIMEOUTS. */
  readonly postgresTimeouts?: PostgresTimeouts;
  /** Absent: DEFAULT_STALL_AFTER_MS of the projection runtime. */
  readonly projectionStallMs?: number;
}

// From a tenth of a second (tests) to a day; a statement timeout of 0 turns the statement and query bounds off.
const MIN_MS = 100;
const MAX_MS = 86_400_000;

function parseMs(env: Env, name: string, problems: string[], allowZero = false): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const ms = Number(raw);
  if (/^\d+$/.test(raw) && ((allowZero && ms === 0) || (ms >= MIN_MS && ms <= MAX_MS))) return ms;
  problems.push(
    `${name} must be a whole number of milliseconds from ${MIN_MS} to ${MAX_MS}${allowZero ? ', or 0' : ''} (got "${raw}")`,
  );
  return undefined;
}

export function parsePostgresTimeoutsConfig(env: Env, problems: string[]): PostgresTimeoutsConfig {
  const connectMs = parseMs(env, 'PORTFOLIO_PG_CONNECT_TIMEOUT_MS', problems);
  const statementMs = parseMs(env, 'PORTFOLIO_PG_STATEMENT_TIMEOUT_MS', problems, true);
  const keepAliveDelayMs = parseMs(env, 'PORTFOLIO_PG_KEEPALIVE_MS', problems);
  const projectionStallMs = parseMs(env, 'PORTFOLIO_PROJECTION_STALL_MS', problems);
  const anyTimeout = connectMs !== undefined || statementMs !== undefined || keepAliveDelayMs !== undefined;
  const postgresTimeouts: PostgresTimeouts = {
    connectMs: connectMs ?? DEFAULT_POSTGRES_TIMEOUTS.connectMs,
    statementMs: statementMs ?? DEFAULT_POSTGRES_TIMEOUTS.statementMs,
    keepAliveDelayMs: keepAliveDelayMs ?? DEFAULT_POSTGRES_TIMEOUTS.keepAliveDelayMs,
  };
  return {
    ...(anyTimeout ? { postgresTimeouts } : {}),
    ...(projectionStallMs === undefined ? {} : { projectionStallMs }),
  };
}
