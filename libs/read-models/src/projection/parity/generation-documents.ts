import type { ReadModelDatabase } from '../../database/read-model-database';
import { toPosition } from '../../database/read-model-tables';
import type { ProjectedTable } from '../projector';
import type { DocumentRow } from './parity';

/** One row of a generation as the comparison sees it: its position, its columns, and the text that is hashed. */
export interface GenerationDocument {
  readonly position: bigint;
  readonly row: DocumentRow;
  /** The columns but `generation`, keys sorted, the position in decimal: the same on SQLite and PostgreSQL. */
  readonly text: string;
}

export interface DocumentRange {
  readonly generation: number;
  /** Positions in (after, upTo]. */
  readonly after: bigint;
  readonly upTo: bigint;
}

function documentOf(stored: Readonly<Record<string, unknown>>): GenerationDocument {
  const columns = Object.fromEntries(Object.entries(stored).filter(([column]) => column !== 'generation'));
  const position = toPosition(stored.position as string | number | bigint);
  const row = { ...columns, position: position.toString() };
  return { position, row, text: JSON.stringify(row, Object.keys(row).sort()) };
}

/**
 * A generation's rows of one table in position order (every projected table has one row per event, so the position
 * orders and keys it), read a page at a time after the last position seen: memory stays bounded whatever the size of
 * the read models, no cursor holds the connection (on SQLite the projection writes on the same one), and between
 * pages the event loop serves requests.
 */
export async function* generationDocuments(
  database: ReadModelDatabase,
  table: ProjectedTable,
  { generation, after, upTo }: DocumentRange,
  pageSize: number,
): AsyncGenerator<GenerationDocument> {
  for (let from = after; ;) {
    const page = await database.db
      .selectFrom(table)
      .selectAll()
      .where('generation', '=', generation)
      .where('position', '>', from.toString())
      .where('position', '<=', upTo.toString())
      .orderBy('position')
      .limit(pageSize)
      .execute();
    for (const stored of page) yield documentOf(stored);
    if (page.length < pageSize) return;
    from = toPosition(page[page.length - 1].position);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
