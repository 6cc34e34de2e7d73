import { apiTokenProblem, tokenDigest } from './auth-config';
import { value, type Env } from './env';
import type { AuthConfig } from './portfolio-config';

// PORTFOLIO_LOG_LEVEL and PORTFOLIO_METRICS_TOKEN: what the service logs, and who may scrape its metrics.

/** pino's levels, from the quietest; `silent` logs nothing. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

export interface ObservabilityConfig {
  /** Absent: DEFAULT_LOG_LEVEL. */
  readonly logLevel?: LogLevel;
  /**
   * Lower-case hex SHA-256 of the bearer token that opens `GET /metrics` (the token itself is never kept).
   * Absent: no caller may read the metrics.
   */
  readonly metricsTokenSha256?: string;
}

export function isLogLevel(raw: string): raw is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(raw);
}

/** The log level named by `raw`, or undefined with the problem recorded. */
export function parseLogLevel(raw: string, problems: string[]): LogLevel | undefined {
  if (isLogLevel(raw)) return raw;
  problems.push(`PORTFOLIO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return undefined;
}

/**
 * The metrics token is a credential of its own: a scraper holding it reads the metrics and nothing else, so it may
 * not also be an API token (which would open the ledger to whoever reads the scraper's configuration).
 */
function parseMetricsToken(env: Env, auth: AuthConfig | undefined, problems: string[]): string | undefined {
  const token = value(env, 'PORTFOLIO_METRICS_TOKEN');
  if (token === undefined) return undefined;
  const problem = apiTokenProblem(token);
  if (problem !== undefined) {
    problems.push(`PORTFOLIO_METRICS_TOKEN: ${problem}`);
    return undefined;
  }
  const sha256 = tokenDigest(token);
  if (auth?.kind === 'credentials' && auth.apiTokens.some((apiToken) => apiToken.sha256 === sha256)) {
    problems.push(
      'PORTFOLIO_METRICS_TOKEN must not be one of the PORTFOLIO_API_TOKENS: give the scraper a token of its own',
    );
    return undefined;
  }
  return sha256;
}

export function parseObservabilityConfig(
  env: Env,
  auth: AuthConfig | undefined,
  problems: string[],
): ObservabilityConfig {
  const rawLevel = value(env, 'PORTFOLIO_LOG_LEVEL');
  const logLevel = rawLevel === undefined ? undefined : parseLogLevel(rawLevel, problems);
  const metricsTokenSha256 = parseMetricsToken(env, auth, problems);
  return {
    ...(logLevel === undefined ? {} : { logLevel }),
    ...(metricsTokenSha256 === undefined ? {} : { metricsTokenSha256 }),
  };
}
