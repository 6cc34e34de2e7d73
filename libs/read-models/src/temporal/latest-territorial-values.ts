// Each territory's latest value at (at, asOf) of the indicators whose national values are made from their territories.
import type { LaunchedProject, Measurements, NationalFromTerritories } from '@portfolio/domain';
import { sql, type Kysely } from 'kysely';
import { knownBy, type ReadModelTables } from '../database/read-model-tables';
import { NATIONAL } from './national-rows';
import type { TemporalPoint } from './portfolio-snapshot';

/**
 * The project with, beside its latest national values, the latest value of each territory of the indicators that have
 * none nationally and whose plan makes their national values from their regions or départements (nationalFrom): the
 * values their rates aggregate. Only those series are read, one statement each: a project whose indicators are
 * measured nationally reads nothing more.
 */
export async function withTerritorialValues(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  project: LaunchedProject,
): Promise<LaunchedProject> {
  const measurements: Record<string, Measurements[string]> = { ...project.measurements };
  for (const { indicatorId, nationalFrom } of Object.values(project.indicators)) {
    if (nationalFrom === undefined || Object.hasOwn(project.measurements, indicatorId)) continue;
    const wanted = { projectId: project.projectId, indicatorId, nationalFrom };
    const series = await latestByTerritory(db, generation, point, wanted);
    if (series.length === 0) continue;
    measurements[indicatorId] = Object.fromEntries(
      series.map((row) => [row.territory_key, { [row.period]: Number(row.value) }]),
    );
  }
  return { ...project, measurements };
}

interface TerritoryRow {
  readonly territory_key: string;
  readonly period: string;
  readonly value: number | string;
}

function latestByTerritory(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  wanted: { readonly projectId: string; readonly indicatorId: string; readonly nationalFrom: NationalFromTerritories },
): Promise<TerritoryRow[]> {
  const level = `${wanted.nationalFrom.level}:%`;
  return sql<TerritoryRow>`
    select territory_key, period, value from (
      select territory_key, period, value,
        row_number() over (partition by territory_key order by period desc, position desc) as rank
      from rm_measurements
      where generation = ${generation} and territory_key like ${level} and territory_key <> ${NATIONAL}
        and project_id = ${wanted.projectId} and indicator_id = ${wanted.indicatorId}
        and period <= ${point.at} and ${knownBy(point.asOf)}
    ) ranked
    where rank = 1
  `
    .execute(db)
    .then(({ rows }) => rows);
}
