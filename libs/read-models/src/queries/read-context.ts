import type { IsoDate } from '@portfolio/domain';
import type { EventStore } from '@portfolio/event-store';
import type { Kysely } from 'kysely';
import type { ReadModelTables } from '../database/read-model-tables';
import type { ProjectionRuntime } from '../projection/projection-runtime';

/** The projection runtime as reads see it: the generation served, the position reached, a bounded wait. */
export type ProjectionProgress = Pick<ProjectionRuntime, 'activeGenerationNumber' | 'position' | 'waitFor'>;

/** What every read takes: the read models, how far the projections got, the log itself, and today's date. */
export interface ReadContext {
  readonly db: Kysely<ReadModelTables>;
  readonly projections: ProjectionProgress;
  readonly store: EventStore;
  /** The business date `at` defaults to (in Paris, where the portfolio is reviewed). */
  readonly today: () => IsoDate;
  /**
   * Opens the personal values sealed in event data kept in read-model rows (crypto-shredding): their text, or the
   * placeholder once erased. Without it (a log with no sealed values) rows are read as they are.
   */
  readonly revealData?: RevealData;
}

export type RevealData = <Data>(rows: readonly Data[]) => Promise<Data[]>;

/** Event data parsed from read-model rows, its personal values revealed. */
export function revealedData<Data>(
  context: Pick<ReadContext, 'revealData'>,
  texts: readonly string[],
): Promise<Data[]> {
  const rows = texts.map((text) => JSON.parse(text) as Data);
  return context.revealData === undefined ? Promise.resolve(rows) : context.revealData(rows);
}
