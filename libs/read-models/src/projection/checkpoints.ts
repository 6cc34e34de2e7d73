import type { CompiledQuery } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { toPosition } from '../database/read-model-tables';
import type { Projector } from './projector';

/** How far each projector has applied the log into a generation: one row per projector in `rm_checkpoints`. */
export class Checkpoints {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projectors: readonly Projector[],
  ) {}

  /** The last position applied to a generation, 0 before its first batch. */
  async read(generation: number): Promise<bigint> {
    const rows = await this.database.db
      .selectFrom('rm_checkpoints')
      .select('position')
      .where('generation', '=', generation)
      .execute();
    // Every projector moves in the same transaction: their checkpoints are equal.
    return rows.length === 0 ? 0n : toPosition(rows[0].position);
  }

  /** Every projector's checkpoint row exists, so that each batch can be fenced on it (read models made before fencing had none until their first batch). */
  async ensure(generation: number): Promise<void> {
    const position = (await this.read(generation)).toString();
    await this.database.db
      .insertInto('rm_checkpoints')
      .values(this.projectors.map((projector) => ({ generation, projector: projector.name, position })))
      .onConflict((conflict) => conflict.columns(['generation', 'projector']).doNothing())
      .execute();
  }

  /** Moves every checkpoint of a generation from `after` to `last`; each statement changes no row if another process moved it. */
  fences(generation: number, after: bigint, last: bigint): CompiledQuery[] {
    return this.projectors.map((projector) =>
      this.database.db
        .updateTable('rm_checkpoints')
        .set({ position: last.toString() })
        .where('generation', '=', generation)
        .where('projector', '=', projector.name)
        .where('position', '=', after.toString())
        .compile(),
    );
  }
}
