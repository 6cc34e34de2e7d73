import { createHash } from 'node:crypto';
import type { ReadModelDatabase } from '../../database/read-model-database';
import type { ProjectedTable, Projector } from '../projector';
import { generationDocuments } from './generation-documents';
import type { Parity } from './parity';
import { TableParity } from './table-parity';

/** Rows read per query: a few hundred kilobytes of the widest table's rows per generation. */
const PAGE_SIZE = 2000;

/**
 * Compares the documents of two generations, the live one and the one a rebuild made, position range after position
 * range. A document is one row of a projected table, every column but `generation`: exactly what readers get. A
 * range compared must be final in both: a generation only ever gains rows above its checkpoint, so the rows at or
 * below a position both checkpoints have passed no longer change, and most of the comparison runs while the live
 * generation keeps moving; only the last events appended are compared under the write lock, at the switch.
 */
export class ParityCheck {
  private compared = 0n;
  private readonly tables: readonly TableParity[];

  constructor(
    private readonly database: ReadModelDatabase,
    tables: readonly ProjectedTable[],
    private readonly liveGeneration: number,
    private readonly rebuiltGeneration: number,
    private readonly pageSize: number,
  ) {
    this.tables = tables.map((table) => new TableParity(table));
  }

  /** Compares the documents made known at positions above those compared so far, up to `upTo` (both generations must have reached it). */
  async advance(upTo: bigint): Promise<void> {
    if (upTo <= this.compared) return;
    for (const table of this.tables) {
      const range = (generation: number) =>
        generationDocuments(this.database, table.table, { generation, after: this.compared, upTo }, this.pageSize);
      await table.compare(range(this.liveGeneration), range(this.rebuiltGeneration));
    }
    this.compared = upTo;
  }

  /** The outcome over every position compared; the digests are finished, so the check ends here. */
  result(): Parity {
    const position = this.compared.toString();
    const live = createHash('sha256');
    const rebuilt = createHash('sha256');
    let differences = 0;
    for (const table of this.tables) {
      live.update(`${table.table} ${table.live.documents} ${table.live.finish()}\n`);
      rebuilt.update(`${table.table} ${table.rebuilt.documents} ${table.rebuilt.finish()}\n`);
      differences += table.differences;
    }
    // The first difference is the one at the lowest position: the earliest event the two generations disagree on.
    const firstDifference = this.tables
      .map((table) => table.firstDifference)
      .filter((difference) => difference !== undefined)
      .sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))[0];
    if (firstDifference === undefined) {
      const documents = this.tables.reduce((sum, table) => sum + table.rebuilt.documents, 0);
      return { position, equal: true, documents, digest: rebuilt.digest('hex') };
    }
    return {
      position,
      equal: false,
      liveDigest: live.digest('hex'),
      rebuiltDigest: rebuilt.digest('hex'),
      differences,
      firstDifference,
    };
  }
}

/** Starts parity checks between generations of the read models the projectors write. */
export class GenerationParity {
  private readonly tables: readonly ProjectedTable[];

  constructor(
    private readonly database: ReadModelDatabase,
    projectors: readonly Projector[],
    private readonly pageSize = PAGE_SIZE,
  ) {
    this.tables = [...new Set(projectors.flatMap((projector) => projector.tables))];
  }

  between(liveGeneration: number, rebuiltGeneration: number): ParityCheck {
    return new ParityCheck(this.database, this.tables, liveGeneration, rebuiltGeneration, this.pageSize);
  }
}
