import type { Generations } from './generations';

/** Events the served generation grows by, at least, between two refreshes of its planner statistics. */
export const DEFAULT_STATISTICS_GROWTH = 10_000;

/**
 * When the follower, at the head, refreshes the read models' planner statistics: once their history has grown by
 * `minGrowth` events and at least doubled since the last refresh, as after projecting a large backlog. Autovacuum
 * would analyse them in time, but it may be off (it is on some hosts) or lag behind a catch-up, and a portfolio read
 * of a table without statistics is planned blind (at 1M events, 51 ms of server CPU against 28 ms once analysed). A
 * refresh samples every table, so it waits for the history to double rather than run after each batch.
 */
export class PlannerStatistics {
  /** Where the statistics were last refreshed, or taken as current: where this process began to serve. */
  private refreshedAt = 0n;

  constructor(
    private readonly generations: Generations,
    private readonly minGrowth: number,
  ) {}

  /**
   * The process serves read models projected up to `checkpoint`, taken as described by their statistics: a restart
   * does not sample every table again while the service starts, while read models projected from scratch start at 0
   * and are analysed once caught up.
   */
  servedFrom(checkpoint: bigint): void {
    this.refreshedAt = checkpoint;
  }

  /** Refreshes them if the generation, projected up to `checkpoint`, has outgrown them; says whether it did. */
  async refreshIfOutgrown(checkpoint: bigint): Promise<boolean> {
    const growth = checkpoint - this.refreshedAt;
    if (growth < BigInt(this.minGrowth) || growth < this.refreshedAt) return false;
    this.refreshedAt = checkpoint;
    return this.generations.refreshStatistics();
  }
}
