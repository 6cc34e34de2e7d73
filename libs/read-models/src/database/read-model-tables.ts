import { sql, type ColumnType, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Positions are 64-bit: PostgreSQL returns BIGINT as a string, SQLite as a number. Rows are read through
 * `toPosition` and written as strings or numbers.
 */
export type PositionColumn = ColumnType<string | number | bigint, string | number, string | number>;

/**
 * Every read-model row belongs to a generation: a rebuild writes generation n+1 beside the live generation n,
 * which keeps serving until the switch (ARCHITECTURE §7, issue "rebuild while the old read models keep serving").
 */
interface Generational {
  generation: number;
}

/** Which generation queries read, and the state of each generation. */
export interface GenerationsTable {
  generation: number;
  /** `building` while a rebuild runs, `active` for the one served, `retired` once replaced. */
  status: 'building' | 'active' | 'retired';
  created_at: string;
}

export interface CheckpointsTable extends Generational {
  projector: string;
  position: PositionColumn;
}

/** Missions as defined, with the position that made them known and their business date. */
export interface MissionsTable extends Generational {
  mission_code: string;
  position: PositionColumn;
  defined_on: string;
  data: string;
}

/**
 * Every project event except measurements (launch, milestones, redesigns, closure): few per project, folded with the
 * domain's own evolve for a given (at, asOf).
 */
export interface ProjectFactsTable extends Generational {
  project_id: string;
  position: PositionColumn;
  business_date: string;
  type: string;
  data: string;
}

/**
 * The bi-temporal measurement table: one row per IndicatorMeasured; a restatement is a later row (higher position)
 * for the same indicator, territory and period.
 */
export interface MeasurementsTable extends Generational {
  project_id: string;
  indicator_id: string;
  territory_key: string;
  period: string;
  value: number;
  supersedes: number | null;
  position: PositionColumn;
  recorded_at: string;
}

/**
 * The published release each value recorded from one was taken from (IndicatorMeasured's `release`), by the position
 * of its IndicatorMeasured: what the releases list counts and what `asOf=series:id` resolves.
 */
export interface ReleaseValuesTable extends Generational {
  position: PositionColumn;
  series: string;
  release_id: string;
  published_on: string;
}

export interface ReviewCyclesTable extends Generational {
  cycle_id: string;
  position: PositionColumn;
  held_on: string;
  recorded_at: string;
  data: string;
}

/** The audit log's filters over the event log (who, what, which project or mission, when). */
export interface EventIndexTable extends Generational {
  position: PositionColumn;
  stream_id: string;
  type: string;
  project_id: string | null;
  mission_code: string | null;
  actor_id: string | null;
  recorded_at: string;
}

export interface ReadModelTables {
  rm_generations: GenerationsTable;
  rm_checkpoints: CheckpointsTable;
  rm_missions: MissionsTable;
  rm_project_facts: ProjectFactsTable;
  rm_measurements: MeasurementsTable;
  rm_release_values: ReleaseValuesTable;
  rm_review_cycles: ReviewCyclesTable;
  rm_event_index: EventIndexTable;
}

export function toPosition(value: string | number | bigint): bigint {
  return BigInt(value);
}

/**
 * `position <= asOf` for as-of reads of the measurements, written so that it never chooses the index: SQLite, without
 * statistics, prefers a range on the (generation, position) primary key, which reads every measurement known at
 * asOf, to the series index and its three equalities (223 ms against a few at 1M events). The unary plus, a no-op in
 * both dialects, keeps the key out of the plan; the cast gives the comparison the integer type the column gave it.
 */
export function knownBy(asOf: bigint): RawBuilder<SqlBool> {
  return sql<SqlBool>`+position <= cast(${asOf.toString()} as bigint)`;
}
