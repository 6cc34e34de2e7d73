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

/** How wide, in pages, the window of positions one query reads may grow over a sparse table. */
const WIDEST_WINDOW_IN_PAGES = 64n;

/**
 * A generation's rows of one table in position order (every projected table has one row per event, so the position
 * orders and keys it), read a page at a time after the last position seen: memory stays bounded whatever the size of
 * the read models, no cursor holds the connection (on SQLite the projection writes on the same one), and between
 * pages the event loop serves requests.
 *
 * Each query reads a window of positions, not the whole rest of the range: without statistics on a new generation's
 * rows, PostgreSQL read and sorted every row up to `upTo` to return the first page (86 ms a page at 100k events, and
 * more the larger the range: quadratic over a rebuild). A window of a page of positions holds at most a page of rows,
 * whatever the plan; over a sparse table it widens, so that a few rows do not cost a query per page of positions.
 */
export async function* generationDocuments(
  database: ReadModelDatabase,
  table: ProjectedTable,
  { generation, after, upTo }: DocumentRange,
  pageSize: number,
): AsyncGenerator<GenerationDocument> {
  const page = BigInt(pageSize);
  let window = page;
  for (let from = after; from < upTo;) {
    const to = from + window < upTo ? from + window : upTo;
    const rows = await database.db
      .selectFrom(table)
      .selectAll()
      .where('generation', '=', generation)
      .where('position', '>', from.toString())
      .where('position', '<=', to.toString())
      .orderBy('position')
      .limit(pageSize)
      .execute();
    const columns = rows.length === 0 ? [] : comparedColumns(rows[0]);
    for (const stored of rows) yield documentOf(stored, columns);
    if (rows.length === pageSize) {
      from = toPosition(rows[rows.length - 1].position);
      window = page;
    } else {
      from = to;
      if (rows.length < pageSize / 2 && window < page * WIDEST_WINDOW_IN_PAGES) window *= 2n;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
