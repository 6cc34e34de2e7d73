// Each indicator's latest national value at (at, asOf) in a few index seeks per series, whatever the history's length.
import type { Measurements } from '@portfolio/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReadModelTables } from '../database/read-model-tables';
import type { TemporalPoint } from './portfolio-snapshot';

export const NATIONAL = 'national:FR';

interface Series {
  readonly project_id: string;
  readonly indicator_id: string;
}

interface Latest extends Series {
  readonly period: string | null;
  /** Position of the period's first row: the period is known at asOf when it is at most asOf. */
  readonly first_position: string | number | null;
  readonly value: number | string | null;
}

/**
 * Per project, each indicator's national value for its latest period known at (at, asOf), restatements applied: the
 * row of highest position known by asOf within the highest period ≤ at that has such a row.
 *
 * Ranking every candidate row costs as much as the history is long (893 ms at 1M events). This seeks instead, in the
 * series index (generation, territory_key, project_id, indicator_id, period, position): per series, the highest
 * period at most the latest period known anywhere at asOf (the frontier), then that period's last row known by asOf.
 * Restatements cost nothing (they sit beside their period in the index); a period of a series recorded only after
 * asOf, below the frontier, costs one more round of seeks for the series that have one.
 */
export async function latestNationalValues(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  projectIds: readonly string[],
): Promise<Map<string, Measurements>> {
  const byProject = new Map<string, Record<string, Record<string, Record<string, number>>>>();
  if (projectIds.length === 0) return byProject;
  const frontier = await knownFrontier(db, generation, point);
  if (frontier === undefined) return byProject;
  let pending = (await measuredSeries(db, generation, projectIds)).map((series) => ({ ...series, below: frontier }));
  for (let inclusive = true; pending.length > 0; inclusive = false) {
    const rows = await latestPeriods(db, generation, point.asOf, pending, inclusive);
    pending = [];
    for (const row of rows) {
      if (row.period === null) continue;
      if (BigInt(row.first_position as string | number) > point.asOf) {
        pending.push({ project_id: row.project_id, indicator_id: row.indicator_id, below: row.period });
        continue;
      }
      const measurements = byProject.get(row.project_id) ?? {};
      measurements[row.indicator_id] = { [NATIONAL]: { [row.period]: Number(row.value) } };
      byProject.set(row.project_id, measurements);
    }
  }
  return byProject;
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
  const { rows } = await sql<{ period: string }>`
    with recursive periods(period) as (
      select (select m.period from rm_measurements m where ${national} and m.period <= ${point.at}
        order by m.period desc limit 1)
      union all
      select (select m.period from rm_measurements m where ${national} and m.period < p.period
        order by m.period desc limit 1)
      from periods p
      where p.period is not null and (select m.position from rm_measurements m where ${national}
        and m.period = p.period order by m.position limit 1) > ${known(point.asOf)}
    )
    select p.period from periods p where p.period is not null and (select m.position from rm_measurements m
      where ${national} and m.period = p.period order by m.position limit 1) <= ${known(point.asOf)}
    order by p.period desc limit 1
  `.execute(db);
  return rows[0]?.period;
}

/** The (project, indicator) pairs with national rows: a skip-scan of the series index, one seek per series. */
async function measuredSeries(
  db: Kysely<ReadModelTables>,
  generation: number,
  projectIds: readonly string[],
): Promise<Series[]> {
  const next = (project: string, after: string | null) =>
    sql`(select m.indicator_id from rm_measurements m
      where m.generation = ${generation} and m.territory_key = ${NATIONAL} and m.project_id = ${sql.ref(project)}
      ${after === null ? sql`` : sql`and m.indicator_id > ${sql.ref(after)}`}
      order by m.indicator_id limit 1)`;
  const { rows } = await sql<Series>`
    with recursive
      projects(project_id) as (values ${sql.join(projectIds.map((id) => sql`(${id})`))}),
      series(project_id, indicator_id) as (
        select p.project_id, ${next('p.project_id', null)} from projects p
        union all
        select s.project_id, ${next('s.project_id', 's.indicator_id')} from series s where s.indicator_id is not null
      )
    select s.project_id, s.indicator_id from series s where s.indicator_id is not null
  `.execute(db);
  return rows;
}

/** Per series, its highest period below `below` (or at it, when inclusive), with that period's first position and
 * last value known by asOf: three seeks. */
async function latestPeriods(
  db: Kysely<ReadModelTables>,
  generation: number,
  asOf: bigint,
  series: readonly (Series & { readonly below: string })[],
  inclusive: boolean,
): Promise<Latest[]> {
  const inSeries = (alias: string) =>
    sql`${sql.ref(`${alias}.generation`)} = ${generation} and ${sql.ref(`${alias}.territory_key`)} = ${NATIONAL}
      and ${sql.ref(`${alias}.project_id`)} = c.project_id and ${sql.ref(`${alias}.indicator_id`)} = c.indicator_id`;
  const { rows } = await sql<Latest>`
    with
      series(project_id, indicator_id, below) as (
        values ${sql.join(series.map((s) => sql`(${s.project_id}, ${s.indicator_id}, ${s.below})`))}
      ),
      -- Materialised, so that each series' period is sought once, not once per use below.
      candidates(project_id, indicator_id, period) as materialized (
        select c.project_id, c.indicator_id, (select m.period from rm_measurements m where ${inSeries('m')}
          and m.period ${inclusive ? sql`<=` : sql`<`} c.below order by m.period desc limit 1)
        from series c
      )
    select c.project_id, c.indicator_id, c.period,
      (select m.position from rm_measurements m where ${inSeries('m')} and m.period = c.period
        order by m.position limit 1) as first_position,
      (select m.value from rm_measurements m where ${inSeries('m')} and m.period = c.period
        and m.position <= ${known(asOf)} order by m.position desc limit 1) as value
    from candidates c
  `.execute(db);
  return rows;
}
