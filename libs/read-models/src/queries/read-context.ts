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
}
