import type { ReadModelDatabase } from '../../database/read-model-database';
import { toPosition } from '../../database/read-model-tables';
import type { ProjectedTable } from '../projector';
import type { DocumentRow } from './parity';

/** One row of a generation as the comparison sees it: its position, the text that is hashed, and its columns. */
export interface GenerationDocument {
  readonly position: bigint;
  /** The values of every column but `generation`, by column name, the position in decimal: the same on SQLite and PostgreSQL. */
  readonly text: string;
  /** The row as readers get it, made only for a document that differs. */
  row(): DocumentRow;
}

export interface DocumentRange {
  readonly generation: number;
  /** Positions in (after, upTo]. */
  readonly after: bigint;
  readonly upTo: bigint;
}

type StoredRow = Readonly<Record<string, unknown>>;

/** The columns a page's rows are compared on, in name order: every one but `generation`. */
function comparedColumns(row: StoredRow): string[] {
  return Object.keys(row)
    .filter((column) => column !== 'generation')
    .sort();
}

function documentOf(stored: StoredRow, columns: readonly string[]): GenerationDocument {
  const position = toPosition(stored.position as string | number | bigint);
  const valueOf = (column: string) => (column === 'position' ? position.toString() : stored[column]);
  return {
    position,
    text: JSON.stringify(columns.map(valueOf)),
    row: () => Object.fromEntries(columns.map((column) => [column, valueOf(column)])),
  };
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
    const columns = page.length === 0 ? [] : comparedColumns(page[0]);
    for (const stored of page) yield documentOf(stored, columns);
    if (page.length < pageSize) return;
    from = toPosition(page[page.length - 1].position);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
