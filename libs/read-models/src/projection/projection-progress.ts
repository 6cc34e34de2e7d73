import { HeadSignal } from '@portfolio/event-store';
import type { ProjectionState } from './projection-status';

/**
 * Where this process's projections stand: the generation queries read, the last position applied to it, and the
 * state the status shows. Shared by the follower, the leadership and the rebuild, which move it in turn.
 */
export class ProjectionProgress {
  generation = 0;
  checkpoint = 0n;
  state: ProjectionState = 'starting';
  lastError: string | undefined;
  private readonly reached = new HeadSignal();
  /** When the follower's current turn began (monotonic clock): a turn that lasts is a loop waiting on its database. */
  private turnStartedAt = performance.now();

  /** The follower begins a turn: it is moving. */
  beginTurn(): void {
    this.turnStartedAt = performance.now();
  }

  /** How long the follower's current turn has lasted, in milliseconds. */
  get turnMs(): number {
    return performance.now() - this.turnStartedAt;
  }

  /** Serves `generation`, applied up to `checkpoint`. */
  serve(generation: number, checkpoint: bigint): void {
    this.generation = generation;
    this.advance(checkpoint);
  }

  /** The served generation now includes `checkpoint`: queries waiting for it wake. */
  advance(checkpoint: bigint): void {
    this.checkpoint = checkpoint;
    this.reached.advance(checkpoint);
  }

  /** Resolves true once the served read models include `position`, false after the timeout or the abort. */
  async waitFor(position: bigint, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    if (this.checkpoint >= position) return true;
    const reached = await this.reached.wait(position - 1n, this.checkpoint, { timeoutMs, signal });
    return reached >= position;
  }
}
