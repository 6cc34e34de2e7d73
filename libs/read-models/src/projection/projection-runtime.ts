import type { EventStore } from '@portfolio/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { LogFollower, turnWaitMs, type FollowerPace } from './log-follower';
import { ProjectionLead } from './projection-lead';
import { SoleLeadership, type ProjectionLeadership } from './projection-leadership';
import { projectionParts } from './projection-parts';
import { DEFAULT_STATISTICS_GROWTH, PlannerStatistics } from './planner-statistics';
import type { ProjectionProgress } from './projection-progress';
import {
  logBehindReadModels,
  NotProjectionLeaderError,
  type ProjectorStatus,
  type RebuildOptions,
  type RebuildStatus,
} from './projection-status';
import type { Projector } from './projector';
import { Rebuilder } from './rebuilder';

export interface ProjectionRuntimeOptions extends Partial<FollowerPace> {
  /** The time of day, for the rebuild's start and finish and a generation's creation: the application's clock. */
  readonly now: () => Date;
  readonly batchSize?: number;
  /** Who projects when several processes share the read models (default: this process alone). */
  readonly leadership?: ProjectionLeadership;
  readonly log?: (message: string) => void;
  /**
   * A turn of the follower lasting this much longer than its own wait counts as stalled: waiting on a database that
   * does not answer (default DEFAULT_STALL_AFTER_MS).
   */
  readonly stallAfterMs?: number;
  /** Events the read models grow by, at least, before their planner statistics are refreshed (PostgreSQL). */
  readonly statisticsGrowth?: number;
}

export const DEFAULT_STALL_AFTER_MS = 10_000;

/** Whether the projections can make progress, for readiness; the reason when they cannot. */
export type ProjectionHealth = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Follows the log from the read models' checkpoint and applies events in position order, each batch in one
 * transaction with the checkpoint (exactly-once effect, restart-safe). Sleeps on the store's wait between appends;
 * rebuilds into a new generation while the active one keeps serving, then switches.
 */
export class ProjectionRuntime {
  private readonly progress: ProjectionProgress;
  private readonly stopping = new AbortController();
  private readonly lead: ProjectionLead;
  private readonly rebuilder: Rebuilder;
  private readonly follower: LogFollower;
  private running: Promise<void> | undefined;
  /** Beyond this, the follower's current turn is stalled. */
  private readonly maxTurnMs: number;

  constructor(
    private readonly store: EventStore,
    database: ReadModelDatabase,
    private readonly projectors: readonly Projector[],
    options: ProjectionRuntimeOptions,
  ) {
    const parts = projectionParts(store, database, projectors, {
      now: options.now,
      batchSize: options.batchSize ?? 1000,
      log: options.log ?? (() => undefined),
    });
    this.progress = parts.progress;
    this.lead = new ProjectionLead(options.leadership ?? new SoleLeadership(), parts);
    this.rebuilder = new Rebuilder(parts, this.stopping.signal);
    const retryDelayMs = options.retryDelayMs ?? 1000;
    const pace: FollowerPace = {
      idleWaitMs: options.idleWaitMs ?? 5000,
      retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 10 * retryDelayMs,
      standbyPollMs: options.standbyPollMs ?? 100,
      leadershipCheckMs: options.leadershipCheckMs ?? 1000,
    };
    const statistics = new PlannerStatistics(parts.generations, options.statisticsGrowth ?? DEFAULT_STATISTICS_GROWTH);
    this.follower = new LogFollower(parts, this.lead, pace, statistics);
    this.maxTurnMs = turnWaitMs(pace) + (options.stallAfterMs ?? DEFAULT_STALL_AFTER_MS);
  }

  /**
   * Takes the lead if no other process holds it, loads the active generation (the leader creates the first) and
   * starts following the log, or the leader's checkpoint, in the background.
   */
  async start(): Promise<void> {
    await this.lead.start();
    this.running = this.follower.follow(this.stopping.signal);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([this.running, this.rebuilder.settled()]);
    await this.lead.release();
    this.progress.state = 'stopped';
  }

  /** The generation queries must read. */
  get activeGenerationNumber(): number {
    return this.progress.generation;
  }

  /** The last position applied to the active generation. */
  get position(): bigint {
    return this.progress.checkpoint;
  }

  /**
   * Resolves true once the active read models include `position`, false after the timeout, the runtime's stop or the
   * caller's `signal` (a client gone: its wait is not kept until the timeout).
   */
  waitFor(position: bigint, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const ended = signal === undefined ? this.stopping.signal : AbortSignal.any([this.stopping.signal, signal]);
    return this.progress.waitFor(position, timeoutMs, ended);
  }

  /**
   * Not ok while the follower is not running, fails and retries, or has been waiting on its database for longer
   * than a turn lasts: reads would not see new events. Answers at once, without a query.
   */
  health(): ProjectionHealth {
    const { state, lastError, turnMs } = this.progress;
    if (state === 'starting' || state === 'stopped') return { ok: false, reason: `the projections are ${state}` };
    // lastError, not the state alone: a failing leader may find itself standing by, and fail again there.
    if (lastError !== undefined) return { ok: false, reason: `the projections fail and retry: ${lastError}` };
    if (this.stalled) {
      return { ok: false, reason: `the projections have been waiting on their database for ${Math.round(turnMs)} ms` };
    }
    return { ok: true };
  }

  /** The follower is stuck in a turn, waiting on a database that does not answer. */
  private get stalled(): boolean {
    return this.running !== undefined && this.progress.state !== 'stopped' && this.progress.turnMs > this.maxTurnMs;
  }

  async status(): Promise<{ projectors: ProjectorStatus[]; rebuild?: RebuildStatus }> {
    const head = await this.store.head();
    const { generation, checkpoint, lastError } = this.progress;
    const state = this.stalled ? 'stalled' : this.progress.state;
    // Never clamped: a head behind the projected position means rows were taken out of the log.
    const lag = head - checkpoint;
    const warning = lag < 0n ? logBehindReadModels(head, checkpoint) : undefined;
    const projectors = this.projectors.map((projector) => ({
      name: projector.name,
      generation,
      position: checkpoint.toString(),
      head: head.toString(),
      lag: lag.toString(),
      state,
      ...(lastError === undefined ? {} : { lastError }),
      ...(warning === undefined ? {} : { warning }),
    }));
    const rebuild = this.rebuilder.status;
    return rebuild === undefined ? { projectors } : { projectors, rebuild };
  }

  /**
   * Starts a rebuild from scratch into a new generation and returns at once; the active generation keeps serving
   * until the new one has caught up and been compared with it, then queries switch to it. A rebuild already running
   * is returned as is, with the options it was started with.
   */
  async rebuild(options: RebuildOptions = {}): Promise<RebuildStatus> {
    const current = this.rebuilder.current;
    if (current !== undefined) return current;
    if (!this.lead.leading) throw new NotProjectionLeaderError();
    return this.rebuilder.start(options);
  }
}
