// Each series' latest national value at (at, asOf) in a few index seeks per series, whatever the history's length.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReadModelTables } from '../database/read-model-tables';
import { NATIONAL, type LatestRow } from './national-rows';
import type { TemporalPoint } from './portfolio-snapshot';

/**
 * Seeks, in the series index (generation, territory_key, project_id, indicator_id, period, position), each national
 * series of the projects read (all when `projectIds` is undefined), then in each series its last row known by asOf
 * at or below the frontier (the latest period known anywhere at asOf, see knownFrontier). Every series' answer lies
 * at or below the frontier, so the walk back from it in a series only passes the rows of those periods recorded
 * after asOf: restatements of the last periods, not the history after asOf.
 *
 * One statement: the series are walked in the index (one seek per series) rather than listed as VALUES, on which
 * PostgreSQL misjudged the number of rows and hashed the whole table.
 */
export async function soughtLatest(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  projectIds?: readonly string[],
): Promise<LatestRow[]> {
  const frontier = await knownFrontier(db, generation, point);
  if (frontier === undefined) return [];
  const statement = db.getExecutor().adapter instanceof PostgresAdapter ? lateralSeeks : correlatedSeeks;
  const { rows } = await statement({ generation, projectIds, frontier, asOf: point.asOf }).execute(db);
  return rows;
}

export interface Seeks {
  readonly generation: number;
  readonly projectIds: readonly string[] | undefined;
  readonly frontier: string;
  readonly asOf: bigint;
}

/** The national rows of `generation`, as `m`. */
const nationalOf = (generation: number) => sql`m.generation = ${generation} and m.territory_key = ${NATIONAL}`;

/**
 * PostgreSQL: a walk of the projects (or the projects named), then of each project's series, then each series' answer,
 * each step a LATERAL subquery ordered and limited to one row, which PostgreSQL can only run as a nested loop of index
 * seeks. Joined on a position found by a scalar subquery instead, the answers were hashed against the whole table
 * whenever the planner thought it small (a rebuilt generation has no statistics yet): a 1M-event portfolio read took 1
 * to 1.5 s instead of ~30 ms. Series are walked within their project: a seek past (project, indicator) as a row
 * comparison, bounded to the projects named, scanned each project from its start.
 */
export const lateralSeeks = ({ generation, projectIds, frontier, asOf }: Seeks) => sql<LatestRow>`
  with recursive
    projects(project_id) as (${projectIds === undefined ? everyProject(generation) : valuesOf(projectIds)}),
    series(project_id, indicator_id) as (
      select p.project_id, first.indicator_id from projects p cross join lateral (
        select m.indicator_id from rm_measurements m where ${nationalOf(generation)} and m.project_id = p.project_id
        order by m.indicator_id limit 1) first
      union all
      select s.project_id, next.indicator_id from series s cross join lateral (
        select m.indicator_id from rm_measurements m
        where ${nationalOf(generation)} and m.project_id = s.project_id and m.indicator_id > s.indicator_id
        order by m.indicator_id limit 1) next
    )
  select s.project_id, s.indicator_id, latest.period, latest.value from series s cross join lateral (
    select m.period, m.value from rm_measurements m
    where ${nationalOf(generation)} and m.project_id = s.project_id and m.indicator_id = s.indicator_id
      and m.period <= ${frontier} and m.position <= ${known(asOf)}
    order by m.period desc, m.position desc limit 1) latest
`;

/** The projects with national rows, one seek each past the one before. */
const everyProject = (generation: number) => sql`
  (select m.project_id from rm_measurements m where ${nationalOf(generation)} order by m.project_id limit 1)
  union all
  select next.project_id from projects p cross join lateral (
    select m.project_id from rm_measurements m where ${nationalOf(generation)} and m.project_id > p.project_id
    order by m.project_id limit 1) next
`;

const valuesOf = (projectIds: readonly string[]) => sql`values ${sql.join(projectIds.map((id) => sql`(${id})`))}`;

/** SQLite (no LATERAL): the next series and each series' answer are positions found by correlated subqueries. */
function correlatedSeeks({ generation, projectIds, frontier, asOf }: Seeks): RawBuilder<LatestRow> {
  const inProjects = projectIds === undefined ? sql`` : sql`and m.project_id in (${sql.join(projectIds)})`;
  const national = sql`${nationalOf(generation)} ${inProjects}`;
  return sql<LatestRow>`
  with recursive series(project_id, indicator_id) as (
    select * from (select m.project_id, m.indicator_id from rm_measurements m where ${national}
      order by m.project_id, m.indicator_id limit 1) first_series
    union all
    select n.project_id, n.indicator_id from series s join rm_measurements n on n.generation = ${generation}
      and n.position = coalesce(
        (select m.position from rm_measurements m where ${national}
          and m.project_id = s.project_id and m.indicator_id > s.indicator_id order by m.indicator_id limit 1),
        (select m.position from rm_measurements m where ${national}
          and m.project_id > s.project_id order by m.project_id, m.indicator_id limit 1))
  )
  select s.project_id, s.indicator_id, latest.period, latest.value from series s
  join rm_measurements latest on latest.generation = ${generation} and latest.position = (
    select m.position from rm_measurements m where ${national}
      and m.project_id = s.project_id and m.indicator_id = s.indicator_id and m.period <= ${frontier}
      and +m.position <= ${known(asOf)}
    order by m.period desc, m.position desc limit 1)
  `;
}

const known = (asOf: bigint): RawBuilder<unknown> => sql`cast(${asOf.toString()} as bigint)`;

/**
 * The highest period ≤ at with a national row known by asOf, in any series: no series has a later one, so none walks
 * the periods recorded after asOf. A walk down the periods of the partial index rm_measurements_national_by_period,
 * one seek per period recorded only after asOf; the territory is a literal, which the partial index requires.
 */
async function knownFrontier(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
): Promise<string | undefined> {
  const national = sql`m.generation = ${generation} and m.territory_key = ${sql.lit(NATIONAL)}`;
  const firstPosition = (period: string) =>
    sql`(select m.position from rm_measurements m where ${national} and m.period = ${sql.ref(period)}
      order by m.position limit 1)`;
  const { rows } = await sql<{ period: string }>`
    with recursive periods(period) as (
      select (select m.period from rm_measurements m where ${national} and m.period <= ${point.at}
        order by m.period desc limit 1)
      union all
      select (select m.period from rm_measurements m where ${national} and m.period < p.period
        order by m.period desc limit 1)
      from periods p
      where p.period is not null and ${firstPosition('p.period')} > ${known(point.asOf)}
    )
    select p.period from periods p where p.period is not null and ${firstPosition('p.period')} <= ${known(point.asOf)}
    order by p.period desc limit 1
  `.execute(db);
  return rows[0]?.period;
}
