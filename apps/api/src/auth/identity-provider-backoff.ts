import type { MillisecondClock } from './auth-failure-throttle';

/** The identity provider's discovery document or key set could not be obtained; not the caller's fault. */
export class KeySetUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeySetUnavailable';
  }
}

/** Not even asked: the identity provider failed lately and its next attempt is not due yet. */
export class KeySetRetryPending extends KeySetUnavailable {
  constructor(message: string) {
    super(message);
    this.name = 'KeySetRetryPending';
  }
}

export interface BackoffOptions {
  /** Wait after the first failure; it doubles with each further failure in a row. */
  readonly initialMs: number;
  /** Longest wait: how late, at worst, the service notices that the identity provider is back. */
  readonly maxMs: number;
  readonly clock: MillisecondClock;
}

export const DEFAULT_IDENTITY_PROVIDER_BACKOFF: BackoffOptions = {
  initialMs: 1_000,
  maxMs: 60_000,
  clock: { now: () => Date.now() },
};

/**
 * Spaces out the requests to an identity provider that fails (OIDC discovery and JWKS fetches): after n failures in a
 * row, nothing is sent for initialMs × 2^(n-1), at most maxMs, and whoever needs the keys meanwhile gets
 * KeySetRetryPending at once. Without it, every request carrying a JWT would cost an outbound request while the
 * provider is down. A success ends the backoff.
 */
export class IdentityProviderBackoff {
  private readonly options: BackoffOptions;
  private consecutive = 0;
  private total = 0;
  private nextAttemptAt = 0;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.options = { ...DEFAULT_IDENTITY_PROVIDER_BACKOFF, ...options };
    for (const name of ['initialMs', 'maxMs'] as const) {
      const value = this.options[name];
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
    }
  }

  /** Failed requests to the identity provider since start (for a metric). */
  get failures(): number {
    return this.total;
  }

  /**
   * Runs `work` (one request to the identity provider, `what` naming it) unless a retry is pending. A failure of
   * `work` is rethrown as KeySetUnavailable whose message says when the next attempt is due.
   */
  async attempt<T>(what: string, work: () => Promise<T>): Promise<T> {
    const now = this.options.clock.now();
    if (now < this.nextAttemptAt) {
      throw new KeySetRetryPending(
        `${what} is not retried for another ${seconds(this.nextAttemptAt - now)} after ` +
          `${this.consecutive} failure${this.consecutive === 1 ? '' : 's'} in a row`,
      );
    }
    try {
      const result = await work();
      this.consecutive = 0;
      this.nextAttemptAt = 0;
      return result;
    } catch (error) {
      this.consecutive += 1;
      this.total += 1;
      const delayMs = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.consecutive - 1, 30));
      this.nextAttemptAt = this.options.clock.now() + delayMs;
      const message = error instanceof Error ? error.message : String(error);
      throw new KeySetUnavailable(`${message}; next attempt in ${seconds(delayMs)}`, { cause: error });
    }
  }
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}
