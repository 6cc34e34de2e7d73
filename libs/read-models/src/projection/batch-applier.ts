import { timeSliceSpent, yieldToEventLoop, type EventStore, type StoredEvent } from '@portfolio/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Checkpoints } from './checkpoints';
import { insertsOf } from './generation-tables';
import type { Projector } from './projector';

/** A batch's checkpoint moved under it: another process applied it, or the generation was replaced. */
export class CheckpointMovedError extends Error {
  constructor(generation: number, after: bigint) {
    super(`the checkpoint of generation ${generation} is no longer at position ${after}`);
  }
}

/**
 * Applies the log to a generation a batch at a time: every projector's rows and checkpoint in one transaction, so a
 * batch takes effect exactly once, whatever crashes and whoever else projects.
 */
export class BatchApplier {
  constructor(
    private readonly store: EventStore,
    private readonly database: ReadModelDatabase,
    private readonly projectors: readonly Projector[],
    private readonly checkpoints: Checkpoints,
    private readonly batchSize: number,
  ) {}

  /**
   * Applies the next batch after `after` to a generation; returns the new checkpoint, or undefined at the head.
   * Fenced: the batch commits only if each projector's checkpoint still stands at `after`.
   */
  async applyNext(generation: number, after: bigint): Promise<bigint | undefined> {
    const batch = await this.readBatch(after);
    if (batch.length === 0) return undefined;
    const last = batch[batch.length - 1].position;
    const inserts = [];
    for (const projector of this.projectors) {
      inserts.push(...insertsOf(projector, await projector.rowsFor(generation, batch)));
    }
    // On SQLite the write below runs synchronously, start to commit: it should not add to a slice already spent.
    if (timeSliceSpent()) await yieldToEventLoop();
    const fences = this.checkpoints.fences(generation, after, last);
    if (!(await this.database.writeAtomically({ fences, inserts }))) throw new CheckpointMovedError(generation, after);
    return last;
  }

  private async readBatch(after: bigint): Promise<StoredEvent[]> {
    const batch: StoredEvent[] = [];
    for await (const event of this.store.readAll({ after, batchSize: this.batchSize })) {
      batch.push(event);
      if (batch.length === this.batchSize) break;
    }
    return batch;
  }
}
