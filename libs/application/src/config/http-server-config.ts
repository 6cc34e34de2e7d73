import { isIP } from 'node:net';
import { value, type Env } from './env';

// PORTFOLIO_HOST: the address the API listens on. PORTFOLIO_REQUEST_TIMEOUT_MS: how long a client may take to send a
// request, headers and body, before the connection is cut.

/**
 * Unless configured: a minute, time for the largest body (4 MB) on a 1 Mbit/s link with room to spare, and a bound
 * on how long a client that sends its request a byte at a time holds a connection.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface HttpServerConfig {
  /** Absent: every interface, as Node listens by default (`::`, with IPv4 too, or `0.0.0.0` without IPv6). */
  readonly host?: string;
  /** Absent: DEFAULT_REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number;
}

// From a second (Node checks the bound once a second) to ten minutes.
const MIN_TIMEOUT_MS = 1_000;
const MAX_TIMEOUT_MS = 600_000;

/** A DNS name as RFC 1123 allows it: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

function parseHost(env: Env, problems: string[]): string | undefined {
  const host = value(env, 'PORTFOLIO_HOST');
  if (host === undefined || isIP(host) !== 0 || HOST_NAME.test(host)) return host;
  problems.push(
    `PORTFOLIO_HOST must be an IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::) or a host name (got "${host}")`,
  );
  return undefined;
}

function parseRequestTimeout(env: Env, problems: string[]): number | undefined {
  const raw = value(env, 'PORTFOLIO_REQUEST_TIMEOUT_MS');
  if (raw === undefined) return undefined;
  const timeoutMs = Number(raw);
  if (/^\d+$/.test(raw) && timeoutMs >= MIN_TIMEOUT_MS && timeoutMs <= MAX_TIMEOUT_MS) return timeoutMs;
  problems.push(
    `PORTFOLIO_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS} (got "${raw}")`,
  );
  return undefined;
}

export function parseHttpServerConfig(env: Env, problems: string[]): HttpServerConfig {
  const host = parseHost(env, problems);
  const requestTimeoutMs = parseRequestTimeout(env, problems);
  return {
    ...(host === undefined ? {} : { host }),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
  };
}
