// Test support: given/when/then for projectors, as libs/domain/src/testing/given.ts is for decisions.
import type { StoredEvent } from '@portfolio/event-store';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import type { ReadModelDatabase } from '../database/read-model-database';
import { insertsOf } from '../projection/generation-tables';
import type { ProjectedRows, ProjectedTable, Projector } from '../projection/projector';

/**
 * `await givenEvents(...log).whenProjectedBy(projector).thenRows({ rm_missions: [...] })`. The events are
 * deep-frozen, so a projector that writes to its input fails too.
 */
export function givenEvents(...events: readonly StoredEvent[]) {
  deepFreeze(events);
  return {
    whenProjectedBy<T extends ProjectedTable>(projector: Projector<T>, generation = 1) {
      const project = () => projector.rowsFor(generation, events);
      return {
        /** Exactly these rows, in this order, in each table the projector declares; a table left out gets none. */
        async thenRows(expected: ProjectedRows<T>): Promise<void> {
          const written = await project();
          expect(Object.keys(written).filter((table) => !projector.tables.includes(table as T))).toEqual([]);
          expect(byTable(projector, written)).toStrictEqual(byTable(projector, expected));
        },
        async thenThrows(message: RegExp): Promise<void> {
          await expect(project()).rejects.toThrow(message);
        },
      };
    },
  };
}

/** An earlier batch, projected and committed as the runtime does, before the batch under test. */
export async function givenCommitted<T extends ProjectedTable>(
  database: ReadModelDatabase,
  projector: Projector<T>,
  events: readonly StoredEvent[],
  generation = 1,
): Promise<void> {
  const rows = await projector.rowsFor(generation, deepFreeze(events));
  await database.writeAtomically({ inserts: insertsOf(projector, rows) });
}

function byTable<T extends ProjectedTable>(projector: Projector<T>, rows: ProjectedRows<T>) {
  return Object.fromEntries(projector.tables.map((table) => [table, rows[table] ?? []]));
}
