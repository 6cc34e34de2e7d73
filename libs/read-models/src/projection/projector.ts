import type { StoredEvent } from '@portfolio/event-store';
import type { Insertable } from 'kysely';
import type { ReadModelTables } from '../database/read-model-tables';

/** Rows for one read-model table. */
export type TableRows = {
  [T in keyof ReadModelTables]: { readonly table: T; readonly rows: Insertable<ReadModelTables[T]>[] };
}[keyof ReadModelTables];

/**
 * Turns events into read-model rows. The runtime writes them in one transaction with the checkpoint, so a batch
 * takes effect exactly once whatever crashes; a projector may read the read models, never write them itself.
 */
export interface Projector {
  readonly name: string;
  rowsFor(generation: number, events: readonly StoredEvent[]): Promise<readonly TableRows[]>;
  /** Drops what the projector cached about a generation that was replaced. */
  forget?(generation: number): void;
}
