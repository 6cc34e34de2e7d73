import type { StoredEvent } from '@portfolio/event-store';
import type { Insertable } from 'kysely';
import type { ReadModelTables } from '../database/read-model-tables';

/** The tables the runtime keeps for itself: which generation is served and how far each projector has gone. */
export type RuntimeTable = 'rm_checkpoints' | 'rm_generations';

/** A read-model table a projector may write: any but the runtime's own. */
export type ProjectedTable = Exclude<keyof ReadModelTables, RuntimeTable>;

/** What a projector writes for a batch, by table: only tables it declares, each one's rows typed by the table. */
export type ProjectedRows<T extends ProjectedTable = ProjectedTable> = {
  readonly [Table in T]?: readonly Insertable<ReadModelTables[Table]>[];
};

/**
 * Turns events into read-model rows. The runtime writes them in one transaction with the checkpoint, so a batch
 * takes effect exactly once whatever crashes; a projector may read the read models, never write them itself.
 */
export interface Projector<T extends ProjectedTable = ProjectedTable> {
  /** Stored in the checkpoint rows: renaming a projector orphans its read models. */
  readonly name: string;
  /** Every table the projector writes: a generation that is replaced or abandoned is deleted from them. */
  readonly tables: readonly T[];
  rowsFor(generation: number, events: readonly StoredEvent[]): Promise<ProjectedRows<T>>;
  /** Drops what the projector cached about a generation that was replaced. */
  forget?(generation: number): void;
}
