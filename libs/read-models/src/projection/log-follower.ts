import { Backoff } from '@portfolio/event-store';
import { abortableDelay } from './abortable-delay';
import { CheckpointMovedError } from './batch-applier';
import type { PlannerStatistics } from './planner-statistics';
import type { ProjectionLead } from './projection-lead';
import type { ProjectionParts } from './projection-parts';

/** How often the follower does each of its chores, in milliseconds. */
export interface FollowerPace {
  /** How long one wait for new events lasts (it wakes at once on an append). */
  readonly idleWaitMs: number;
  /** Pause after a first failure before trying again; it doubles while the failures last, up to maxRetryDelayMs. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  /** How often a standby reads the leader's checkpoint (queries waiting for a position wake at that pace). */
  readonly standbyPollMs: number;
  /** How often a standby tries to take the lead, and the leader checks it still holds it. */
  readonly leadershipCheckMs: number;
}

/** The longest a turn of the follower lasts when all is well: its wait at the head or its standby's poll. */
export function turnWaitMs(pace: FollowerPace): number {
  return Math.max(Math.min(pace.idleWaitMs, pace.leadershipCheckMs), pace.standbyPollMs);
}

/**
 * Follows the log into the served generation until the signal aborts: as the leader, applies batch after batch and,
 * at the head, refreshes the planner statistics the history has outgrown and sleeps on the store's wait; as a standby, reads the leader's progress. A failure is retried with
 * backoff, never fatal, and logged once per outage.
 */
export class LogFollower {
  private readonly backoff: Backoff;
  private failures = 0;

  constructor(
    private readonly parts: ProjectionParts,
    private readonly lead: ProjectionLead,
    private readonly pace: FollowerPace,
    private readonly statistics: PlannerStatistics,
  ) {
    this.backoff = new Backoff(pace.retryDelayMs, pace.maxRetryDelayMs);
  }

  async follow(signal: AbortSignal): Promise<void> {
    const { store, batches, checkpoints, progress, writes, log } = this.parts;
    const { lead, pace } = this;
    // Elapsed time, not the time of day: the monotonic clock.
    let leadershipCheckedAt = performance.now();
    this.statistics.servedFrom(progress.checkpoint);
    while (!signal.aborted) {
      progress.beginTurn();
      try {
        if (performance.now() - leadershipCheckedAt >= pace.leadershipCheckMs) {
          leadershipCheckedAt = performance.now();
          await lead.check();
        }
        if (lead.standingBy) {
          await lead.readLeadersProgress();
          this.succeeded();
          await abortableDelay(pace.standbyPollMs, signal);
          continue;
        }
        progress.state = progress.state === 'live' ? 'live' : 'catching_up';
        const applied = await writes.run(() => batches.applyNext(progress.generation, progress.checkpoint));
        if (applied !== undefined) {
          progress.advance(applied);
          this.succeeded();
          continue;
        }
        progress.state = 'live';
        this.succeeded();
        if (await this.statistics.refreshIfOutgrown(progress.checkpoint)) {
          log(`planner statistics of the read models refreshed at position ${progress.checkpoint}`);
        }
        const timeoutMs = Math.min(pace.idleWaitMs, pace.leadershipCheckMs);
        await store.waitForEvents(progress.checkpoint, { timeoutMs, signal });
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof CheckpointMovedError) {
          // Not a failure: what this batch would have written is there already. Resume from what is committed.
          log(`${error.message}: resuming from the committed checkpoint`);
          // Not thrown out of the loop, which would end it for good: failing, the next turn fails too, and retries.
          await lead.takeOver().catch(() => undefined);
          continue;
        }
        progress.state = 'failed';
        progress.lastError = (error as Error).message;
        if (this.failures++ === 0) {
          log(`projection failed at position ${progress.checkpoint}, retrying with backoff: ${progress.lastError}`);
        }
        await abortableDelay(this.backoff.next(), signal);
        // Another process may have applied the batch meanwhile: resume from what is committed.
        progress.checkpoint = await checkpoints.read(progress.generation).catch(() => progress.checkpoint);
      }
    }
  }

  /** A turn went through: the outage, if any, is over. */
  private succeeded(): void {
    this.parts.progress.lastError = undefined;
    if (this.failures === 0) return;
    this.parts.log(
      `projection resumed at position ${this.parts.progress.checkpoint} after ${this.failures} failed attempt(s)`,
    );
    this.failures = 0;
    this.backoff.reset();
  }
}
