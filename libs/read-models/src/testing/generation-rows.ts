// Test support: what a generation of the read models holds, read back for assertions.
import type { ReadModelDatabase } from '../database/read-model-database';
import { toPosition } from '../database/read-model-tables';
import { generationTables } from '../projection/generation-tables';
import type { Projector } from '../projection/projector';

/** A generation's rows in the projectors' tables, without the generation column, positions as strings, in position order. */
export async function generationContents(
  database: ReadModelDatabase,
  projectors: readonly Projector[],
  generation: number,
): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of projectors.flatMap((projector) => projector.tables)) {
    const rows = await database.db
      .selectFrom(table)
      .selectAll()
      .where('generation', '=', generation)
      .orderBy('position')
      .execute();
    result[table] = rows.map(({ generation: _generation, ...row }) => ({
      ...row,
      position: String(toPosition(row.position)),
    }));
  }
  return result;
}

/** The positions the audit log indexes in a generation: the whole log once it has caught up. */
export async function indexedPositions(database: ReadModelDatabase, generation: number): Promise<string[]> {
  const rows = await database.db
    .selectFrom('rm_event_index')
    .select('position')
    .where('generation', '=', generation)
    .orderBy('position')
    .execute();
  return rows.map((row) => toPosition(row.position).toString());
}

/** Measurement rows in every generation. */
export async function measurementRows(database: ReadModelDatabase): Promise<number> {
  const measured = await database.db
    .selectFrom('rm_measurements')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(measured.n);
}

/** How many rows a generation has in each table the projectors and the runtime keep. */
export async function rowCounts(
  database: ReadModelDatabase,
  projectors: readonly Projector[],
  generation: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of generationTables(projectors)) {
    const { n } = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('generation', '=', generation)
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}
