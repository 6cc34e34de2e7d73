// Each series' latest national value at (at, asOf) in a few index seeks per series, whatever the history's length.
import { sql, type Kysely, type RawBuilder } from 'kysely';
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
  const inProjects = projectIds === undefined ? sql`` : sql`and m.project_id in (${sql.join(projectIds)})`;
  const national = sql`m.generation = ${generation} and m.territory_key = ${NATIONAL} ${inProjects}`;
  const { rows } = await sql<LatestRow>`
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
        and +m.position <= ${known(point.asOf)}
      order by m.period desc, m.position desc limit 1)
  `.execute(db);
  return rows;
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
