/** Milliseconds since the epoch; injectable so that tests can move time. */
export interface MillisecondClock {
  now(): number;
}

export interface AuthThrottleOptions {
  /** Failed authentications allowed from one client in a window; the next request is refused with 429. */
  readonly limit: number;
  readonly windowMs: number;
  /** Clients remembered at most: past this, the oldest windows are forgotten first (bounded memory). */
  readonly maxClients: number;
  readonly clock: MillisecondClock;
}

/**
 * 20 presented-and-refused tokens a minute from one address: enough for an operator fumbling with a rotated token.
 * What makes guessing hopeless is the tokens' entropy (128 bits at least) and the JWTs' signatures, not this limit:
 * a valid credential is never throttled (see AuthGuard), so the answer to a guess always tells whether it was right.
 * The throttle tells a client that keeps presenting refused tokens to back off, and marks it in the log.
 */
export const DEFAULT_AUTH_THROTTLE: AuthThrottleOptions = {
  limit: 20,
  windowMs: 60_000,
  maxClients: 10_000,
  clock: { now: () => Date.now() },
};

interface Window {
  readonly startedAt: number;
  failures: number;
}

/**
 * Counts failed authentications per client (an address, or a credential's digest: see AuthGuard) in fixed windows,
 * in memory. Once a client has failed `limit` times in its window, its refused tokens are answered 429 until the
 * window ends (AuthGuard checks the credential first: a valid one passes whatever the count). Successes are not
 * counted and do not reset the count. Entries are kept in the order their windows started, so expired ones are
 * evicted from the front, and the oldest goes first when `maxClients` is reached.
 */
export class AuthFailureThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly options: AuthThrottleOptions;

  constructor(options: Partial<AuthThrottleOptions> = {}) {
    this.options = { ...DEFAULT_AUTH_THROTTLE, ...options };
    for (const name of ['limit', 'windowMs', 'maxClients'] as const) {
      const value = this.options[name];
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
    }
  }

  /** Seconds until this client may try again (for Retry-After), or undefined when it is not refused. */
  retryAfterSeconds(client: string): number | undefined {
    const window = this.current(client);
    if (window === undefined || window.failures < this.options.limit) return undefined;
    const remainingMs = window.startedAt + this.options.windowMs - this.options.clock.now();
    return Math.max(1, Math.ceil(remainingMs / 1000));
  }

  /** Counts one failed authentication of this client. */
  recordFailure(client: string): void {
    const window = this.current(client);
    if (window !== undefined) {
      window.failures += 1;
      return;
    }
    this.evict();
    this.windows.set(client, { startedAt: this.options.clock.now(), failures: 1 });
  }

  /** Clients currently remembered. */
  get size(): number {
    return this.windows.size;
  }

  /** The client's window if it has not ended; an ended one is dropped. */
  private current(client: string): Window | undefined {
    const window = this.windows.get(client);
    if (window === undefined) return undefined;
    if (this.expired(window, this.options.clock.now())) {
      this.windows.delete(client);
      return undefined;
    }
    return window;
  }

  private expired(window: Window, now: number): boolean {
    return now >= window.startedAt + this.options.windowMs;
  }

  /** Drops ended windows from the front (the oldest), then the oldest live ones while the map is full. */
  private evict(): void {
    const now = this.options.clock.now();
    for (const [client, window] of this.windows) {
      if (!this.expired(window, now) && this.windows.size < this.options.maxClients) break;
      this.windows.delete(client);
    }
  }
}
