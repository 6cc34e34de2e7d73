import type { ProjectionLeadership } from './projection-leadership';
import type { ProjectionParts } from './projection-parts';

/**
 * This process's part when several share the read models: the leader projects the active generation from its
 * committed checkpoint; a standby serves what the leader writes and takes over once the lead is free.
 */
export class ProjectionLead {
  constructor(
    private readonly leadership: ProjectionLeadership,
    private readonly parts: ProjectionParts,
  ) {}

  /** Whether this process led at the last check: only the leader rebuilds. */
  get leading(): boolean {
    return this.leadership.leading;
  }

  get standingBy(): boolean {
    return this.parts.progress.state === 'standby';
  }

  /** Takes the lead if no other process holds it (the leader creates the first generation), else stands by. */
  async start(): Promise<void> {
    if (await this.leadership.tryLead()) {
      await this.parts.generations.dropAbandonedRebuilds();
      await this.takeOver();
    } else {
      this.parts.progress.state = 'standby';
      await this.readLeadersProgress();
    }
  }

  /** Takes the lead when it is free, stands by when another process holds it, follows a generation switched elsewhere. */
  async check(): Promise<void> {
    const wasLeading = !this.standingBy;
    const leading = await this.leadership.tryLead();
    if (leading && !wasLeading) {
      // The previous leader is gone, and its rebuild, if any, with it.
      await this.parts.generations.dropAbandonedRebuilds();
      await this.takeOver();
      this.parts.progress.state = 'catching_up';
      this.parts.log(`leading the projections from position ${this.parts.progress.checkpoint}`);
    } else if (leading && (await this.parts.generations.findActive()) !== this.parts.progress.generation) {
      // A rebuild by another process (the CLI beside an API on SQLite) switched the generation.
      await this.takeOver();
    } else if (!leading) {
      if (wasLeading) this.parts.log('another instance leads the projections: standing by');
      this.parts.progress.state = 'standby';
    }
  }

  /**
   * As the leader: the active generation (created if none) and its checkpoint, as committed. Under the write lock:
   * no batch or rebuild switch lands meanwhile.
   */
  takeOver(): Promise<void> {
    return this.parts.writes.run(async () => {
      const generation = await this.parts.generations.activeOrCreate();
      await this.parts.checkpoints.ensure(generation);
      this.parts.progress.serve(generation, await this.parts.checkpoints.read(generation));
    });
  }

  /** As a standby: the generation the leader serves and how far it has applied the log. */
  async readLeadersProgress(): Promise<void> {
    const active = await this.parts.generations.findActive();
    if (active === undefined) return;
    this.parts.progress.serve(active, await this.parts.checkpoints.read(active));
  }

  release(): Promise<void> {
    return this.leadership.release();
  }
}
