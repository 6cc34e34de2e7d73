import type { RowInsert } from '../database/read-model-database';
import type { ReadModelTables } from '../database/read-model-tables';
import type { ProjectedRows, Projector, RuntimeTable } from './projector';

const RUNTIME_TABLES: readonly RuntimeTable[] = ['rm_checkpoints', 'rm_generations'];

/** The inserts of a projector's rows, in the order it declares its tables. */
export function insertsOf(projector: Projector, rows: ProjectedRows): RowInsert[] {
  return projector.tables.map((table) => ({ table, rows: rows[table] ?? [] }));
}

/** Every table a generation has rows in: the projectors' own, then the runtime's (the generation row last). */
export function generationTables(projectors: readonly Projector[]): (keyof ReadModelTables)[] {
  return [...new Set(projectors.flatMap((projector) => projector.tables)), ...RUNTIME_TABLES];
}
