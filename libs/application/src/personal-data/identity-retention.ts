import { todayInParis, type Clock } from '../clock/clock';
import type { ErasureFacts, ErasureLog, RecordedErasure } from './erasure-log';
import { periodOf, type KeyHeld, type SqlPersonalKeyStore } from './personal-key-store';

// Retention of identifying data (CNIL délibération 2021-122: identifying log data kept for a bounded time), applied
// with the erasure's own mechanism: the keys of the months past the retention are deleted.

/** Who a retention run is recorded as: the service itself, not a person. */
export const RETENTION_ACTOR = { id: 'system:retention', role: 'system' } as const;

/** Keys grouped by their subject, in the order given. */
function bySubject(keys: readonly KeyHeld[]): Map<string, KeyHeld[]> {
  const groups = new Map<string, KeyHeld[]>();
  for (const key of keys) groups.set(key.subject, [...(groups.get(key.subject) ?? []), key]);
  return groups;
}

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
 * Erases every subject's keys older than the retention, at start and then every `intervalMs`, recording one erasure
 * event per subject (uniform with an administrator's erasure, and bounded in size). Safe with several instances: the
 * erasures are appended at the stream's revision read, so a run that lost the race re-reads and finds them done.
 */
export class IdentityRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly keys: SqlPersonalKeyStore,
    private readonly log: ErasureLog,
    private readonly clock: Clock,
    private readonly options: IdentityRetentionOptions,
  ) {}

  /** One run: the erasures it recorded, none when nothing was past the retention. */
  async run(): Promise<readonly RecordedErasure[]> {
    const now = this.clock.now();
    const before = firstRetainedPeriod(now, this.options.days);
    const reason = `retention: identifying data kept ${this.options.days} days`;
    const erasedOn = todayInParis(this.clock);
    const { appended } = await this.log.erase(async () => {
      const facts: ErasureFacts[] = [];
      for (const [subjectId, keys] of bySubject(await this.keys.keysBefore(before))) {
        const periods = keys.map((key) => key.period);
        const keyIds = keys.map((key) => key.id);
        facts.push({ subjectId, scope: 'retention', before, reason, erasedOn, periods, keyIds });
      }
      return facts;
    }, RETENTION_ACTOR);
    if (appended.length > 0) {
      const keys = appended.reduce((sum, erasure) => sum + erasure.keyIds.length, 0);
      this.options.log(`retention: erased ${keys} keys of ${appended.length} subjects, months before ${before}`);
    }
    return appended;
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
