import type { Checkpoints } from './checkpoints';
import type { Generations } from './generations';
import type { ProjectionLeadership } from './projection-leadership';
import type { ProjectionProgress } from './projection-progress';
import type { WriteLock } from './write-lock';

/**
 * This process's part when several share the read models: the leader projects the active generation from its
 * committed checkpoint; a standby serves what the leader writes and takes over once the lead is free.
 */
export class ProjectionLead {
  constructor(
    private readonly leadership: ProjectionLeadership,
    private readonly generations: Generations,
    private readonly checkpoints: Checkpoints,
    private readonly progress: ProjectionProgress,
    private readonly writes: WriteLock,
    private readonly log: (message: string) => void,
  ) {}

  /** Whether this process led at the last check: only the leader rebuilds. */
  get leading(): boolean {
    return this.leadership.leading;
  }

  get standingBy(): boolean {
    return this.progress.state === 'standby';
  }

  /** Takes the lead if no other process holds it (the leader creates the first generation), else stands by. */
  async start(): Promise<void> {
    if (await this.leadership.tryLead()) {
      await this.generations.dropAbandonedRebuilds();
      await this.takeOver();
    } else {
      this.progress.state = 'standby';
      await this.readLeadersProgress();
    }
  }

  /** Takes the lead when it is free, stands by when another process holds it, follows a generation switched elsewhere. */
  async check(): Promise<void> {
    const wasLeading = !this.standingBy;
    const leading = await this.leadership.tryLead();
    if (leading && !wasLeading) {
      // The previous leader is gone, and its rebuild, if any, with it.
      await this.generations.dropAbandonedRebuilds();
      await this.takeOver();
      this.progress.state = 'catching_up';
      this.log(`leading the projections from position ${this.progress.checkpoint}`);
    } else if (leading && (await this.generations.findActive()) !== this.progress.generation) {
      // A rebuild by another process (the CLI beside an API on SQLite) switched the generation.
      await this.takeOver();
    } else if (!leading) {
      if (wasLeading) this.log('another instance leads the projections: standing by');
      this.progress.state = 'standby';
    }
  }

  /**
   * As the leader: the active generation (created if none) and its checkpoint, as committed. Under the write lock:
   * no batch or rebuild switch lands meanwhile.
   */
  takeOver(): Promise<void> {
    return this.writes.run(async () => {
      const generation = await this.generations.activeOrCreate();
      await this.checkpoints.ensure(generation);
      this.progress.serve(generation, await this.checkpoints.read(generation));
    });
  }

  /** As a standby: the generation the leader serves and how far it has applied the log. */
  async readLeadersProgress(): Promise<void> {
    const active = await this.generations.findActive();
    if (active === undefined) return;
    this.progress.serve(active, await this.checkpoints.read(active));
  }

  release(): Promise<void> {
    return this.leadership.release();
  }
}
