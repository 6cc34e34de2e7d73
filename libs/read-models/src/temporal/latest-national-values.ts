// Each indicator's latest national value at (at, asOf): ranking the rows when there are few, seeking when there are many.
import type { Measurements } from '@portfolio/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { knownBy, type ReadModelTables } from '../database/read-model-tables';
import { NATIONAL, type LatestRow } from './national-rows';
import type { TemporalPoint } from './portfolio-snapshot';
import { soughtLatest } from './sought-latest';

/**
 * Up to this many national rows in the projects read, ranking them all costs less than seeking in each series: in the
 * benchmark's history at 100k events (835 national rows in 600 series) the portfolio read took, in medians, 2.9 ms
 * ranking against 4.2 ms seeking on SQLite, 5.4 against 13.6 ms on PostgreSQL. Past it, the seeks' cost stays that of
 * the series while the ranking's grows with the history: with 200k national rows restated often, ranking took 5 to 10
 * times as long as seeking on both stores. A read of named projects ranks at most RANKED_ROWS_PER_PROJECT rows per
 * project: reading 2,000 rows cost a project read of a restated history more than its seeks.
 */
export const RANKED_ROWS_AT_MOST = 2_000;
export const RANKED_ROWS_PER_PROJECT = 25;

/**
 * Per project, each indicator's national value for its latest period known at (at, asOf), restatements applied: the
 * row of highest position known by asOf within the highest period ≤ at that has such a row. All projects when
 * `projectIds` is undefined.
 */
export async function latestNationalValues(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  projectIds?: readonly string[],
): Promise<Map<string, Measurements>> {
  if (projectIds !== undefined && projectIds.length === 0) return new Map();
  const atMost = projectIds === undefined ? RANKED_ROWS_AT_MOST : RANKED_ROWS_PER_PROJECT * projectIds.length;
  const rows =
    (await rankedWhenFew(db, generation, point, projectIds, atMost)) ??
    (await soughtLatest(db, generation, point, projectIds));
  const byProject = new Map<string, Record<string, Record<string, Record<string, number>>>>();
  for (const row of rows) {
    const measurements = byProject.get(row.project_id) ?? {};
    measurements[row.indicator_id] = { [NATIONAL]: { [row.period]: Number(row.value) } };
    byProject.set(row.project_id, measurements);
  }
  return byProject;
}

/**
 * When the projects read (all when undefined) have at most `atMost` national rows, ranks those known at (at, asOf)
 * per series, by period then position, and keeps the first; otherwise undefined, having read no more than one row past
 * the bound. One statement, so that the common case costs little more than ranking alone (counting in a statement of its
 * own added about a millisecond on PostgreSQL).
 */
export async function rankedWhenFew(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  projectIds: readonly string[] | undefined,
  atMost: number,
): Promise<LatestRow[] | undefined> {
  const { rows } = await rankedUnlessMany(generation, point, projectIds, atMost).execute(db);
  if (Number(rows[0].scoped) > atMost) return undefined;
  // The left join answers one row of nulls beside the count when no series has a value at (at, asOf).
  return rows.flatMap(({ project_id, indicator_id, period, value }) =>
    project_id == null ? [] : [{ project_id, indicator_id, period, value } as LatestRow],
  );
}

/**
 * The count of the national rows in scope, up to atMost + 1 and from the series index alone, beside each series'
 * ranked answer only when the count is within the bound. Past it the answers would be thrown away: reading the rows'
 * values (a table read each) and ranking them cost a history read by seeks about as much CPU as its seeks (at 3M events
 * on SQLite, 9.4 ms of a 31 ms portfolio read).
 */
export function rankedUnlessMany(
  generation: number,
  point: TemporalPoint,
  projectIds: readonly string[] | undefined,
  atMost: number,
): RawBuilder<Partial<LatestRow> & { readonly scoped: number | string }> {
  const inProjects = projectIds === undefined ? sql`` : sql`and project_id in (${sql.join(projectIds)})`;
  const national = sql`generation = ${generation} and territory_key = ${NATIONAL} ${inProjects}`;
  return sql<Partial<LatestRow> & { readonly scoped: number | string }>`
    with
      counted as (
        select count(*) as scoped from (select 1 from rm_measurements where ${national} limit ${atMost + 1}) bounded
      ),
      ranked as (
        select project_id, indicator_id, period, value,
          row_number() over (partition by project_id, indicator_id order by period desc, position desc) as rank
        -- The count first, a row that passes only within the bound: past it, no row of the table is read.
        from counted cross join rm_measurements
        where counted.scoped <= ${atMost} and ${national} and period <= ${point.at} and ${knownBy(point.asOf)}
      )
    select counted.scoped, ranked.project_id, ranked.indicator_id, ranked.period, ranked.value
    from counted left join ranked on ranked.rank = 1
  `;
}
