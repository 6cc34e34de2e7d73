import { value, type Env } from './env';

// PORTFOLIO_EVENT_STREAMS_MAX: how many audit-log streams (GET /events/stream) one instance serves at once.
// PORTFOLIO_EVENT_STREAM_HEARTBEAT_MS: how long a stream may stay silent before a keep-alive comment.

/** Unless configured: a reviewers' room and its screens, each stream holding a connection and at most a page. */
export const DEFAULT_EVENT_STREAMS_MAX = 100;

/** Unless configured: well within the minute proxies commonly allow an idle response. */
export const DEFAULT_EVENT_STREAM_HEARTBEAT_MS = 15_000;

export interface EventStreamConfig {
  /** Absent: DEFAULT_EVENT_STREAMS_MAX. */
  readonly eventStreamsMax?: number;
  /** Absent: DEFAULT_EVENT_STREAM_HEARTBEAT_MS. */
  readonly eventStreamHeartbeatMs?: number;
}

const MAX_STREAMS = 10_000;
const MIN_HEARTBEAT_MS = 100;
const MAX_HEARTBEAT_MS = 300_000;

function wholeNumber(env: Env, name: string, min: number, max: number, unit: string, problems: string[]) {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const number = Number(raw);
  if (/^\d+$/.test(raw) && number >= min && number <= max) return number;
  problems.push(`${name} must be a whole number${unit} from ${min} to ${max} (got "${raw}")`);
  return undefined;
}

export function parseEventStreamConfig(env: Env, problems: string[]): EventStreamConfig {
  const eventStreamsMax = wholeNumber(env, 'PORTFOLIO_EVENT_STREAMS_MAX', 1, MAX_STREAMS, '', problems);
  const eventStreamHeartbeatMs = wholeNumber(
    env,
    'PORTFOLIO_EVENT_STREAM_HEARTBEAT_MS',
    MIN_HEARTBEAT_MS,
    MAX_HEARTBEAT_MS,
    ' of milliseconds',
    problems,
  );
  return {
    ...(eventStreamsMax === undefined ? {} : { eventStreamsMax }),
    ...(eventStreamHeartbeatMs === undefined ? {} : { eventStreamHeartbeatMs }),
  };
}
