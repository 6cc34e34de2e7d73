import type { Clock } from '../clock/clock';
import { periodOf, type ErasureRecord, type SqlPersonalKeyStore } from './personal-key-store';

// Retention of identifying data (CNIL délibération 2021-122: identifying log data kept for a bounded time), applied
// with the erasure's own mechanism: the keys of the months past the retention are deleted.

/** Who a retention run is recorded as: the service itself, not a person. */
export const RETENTION_ACTOR = { id: 'system:retention', role: 'system' } as const;

const DAY_MS = 86_400_000;

/**
 * The first month whose key is kept: a key covers its whole month, so a month is erased once its last day is
 * `days` old. Data is thus kept between `days` and `days` plus a month.
 */
export function firstRetainedPeriod(now: Date, days: number): string {
  return periodOf(new Date(now.getTime() - days * DAY_MS));
}

export interface IdentityRetentionOptions {
  readonly days: number;
  readonly intervalMs: number;
  readonly log: (message: string) => void;
}

/**
 * Erases every subject's keys older than the retention, at start and then every `intervalMs`. Safe with several
 * instances: deleting a key twice deletes it once, and only the run that deleted keys records the erasure.
 */
export class IdentityRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly keys: SqlPersonalKeyStore,
    private readonly clock: Clock,
    private readonly options: IdentityRetentionOptions,
  ) {}

  /** One run: the erasure it recorded, or undefined when nothing was past the retention. */
  async run(): Promise<ErasureRecord | undefined> {
    const now = this.clock.now();
    const before = firstRetainedPeriod(now, this.options.days);
    const erased = await this.keys.eraseBefore(before, {
      erasedAt: now.toISOString(),
      reason: `retention: identifying data kept ${this.options.days} days`,
      erasedBy: RETENTION_ACTOR,
    });
    if (erased !== undefined) {
      this.options.log(`retention: erased ${erased.keysErased} keys of the months before ${before}`);
    }
    return erased;
  }

  start(): void {
    if (this.timer !== undefined) return;
    const { days, intervalMs } = this.options;
    this.options.log(`retention: identifying data kept ${days} days, past months erased every ${intervalMs} ms`);
    const tick = () => {
      // One run at a time: a slow database must not pile runs up.
      this.running = this.running.then(() =>
        this.run().catch((error: unknown) =>
          this.options.log(`retention run failed: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
