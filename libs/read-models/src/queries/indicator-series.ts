import { NATIONAL_TERRITORY, territoryKey, type Territory } from '@portfolio/domain';
import { knownBy, toPosition } from '../database/read-model-tables';
import type { TemporalPoint } from '../temporal/portfolio-snapshot';
import type { TemporalStamp } from '../views/documents';
import { ReadModelNotFoundError } from './query-errors';
import type { ReadContext } from './read-context';
import { requireProject } from './require-project';
import { resolvePoint, type TemporalQuery } from './temporal-query';

export interface IndicatorSeriesQuery extends TemporalQuery {
  /** Default: the national figures. */
  readonly territory?: Territory;
}

/** One value recorded for a period: the first, or a restatement of it. */
export interface RecordedValue {
  readonly value: number;
  readonly position: string;
  readonly recordedAt: string;
  readonly supersedes: number | null;
}

export interface SeriesValue {
  readonly period: string;
  /** The value in force: the last recorded. */
  readonly value: number;
  readonly restated: boolean;
  readonly recorded: readonly RecordedValue[];
}

export interface IndicatorSeries extends TemporalStamp {
  readonly projectId: string;
  readonly indicatorId: string;
  /** `level:code`. */
  readonly territory: string;
  readonly values: readonly SeriesValue[];
}

/** GET /projects/{projectId}/indicators/{indicatorId}/series: values by period, each with every value recorded. */
export async function indicatorSeries(
  context: ReadContext,
  projectId: string,
  indicatorId: string,
  query: IndicatorSeriesQuery,
): Promise<IndicatorSeries> {
  const territory = territoryKey(query.territory ?? NATIONAL_TERRITORY);
  const { point, stamp } = await resolvePoint(context, query);
  const project = await requireProject(context, projectId, point);
  if (!Object.hasOwn(project.indicators, indicatorId)) throw new ReadModelNotFoundError('indicator', indicatorId);
  const byPeriod = new Map<string, RecordedValue[]>();
  for (const { period, ...recorded } of await recordedValues(context, projectId, indicatorId, territory, point)) {
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), recorded]);
  }
  const values = [...byPeriod].map(([period, recorded]) => ({
    period,
    value: recorded[recorded.length - 1].value,
    restated: recorded.length > 1,
    recorded,
  }));
  return { ...stamp, projectId, indicatorId, territory, values };
}

/** Every value recorded for the indicator and territory at (at, asOf), by period then position. */
async function recordedValues(
  context: ReadContext,
  projectId: string,
  indicatorId: string,
  territory: string,
  point: TemporalPoint,
): Promise<(RecordedValue & { period: string })[]> {
  const rows = await context.db
    .selectFrom('rm_measurements')
    .select(['period', 'value', 'supersedes', 'position', 'recorded_at'])
    .where('generation', '=', context.projections.activeGenerationNumber)
    .where('territory_key', '=', territory)
    .where('project_id', '=', projectId)
    .where('indicator_id', '=', indicatorId)
    .where('period', '<=', point.at)
    .where(knownBy(point.asOf))
    .orderBy('period')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    period: row.period,
    value: Number(row.value),
    position: toPosition(row.position).toString(),
    recordedAt: row.recorded_at,
    supersedes: row.supersedes === null ? null : Number(row.supersedes),
  }));
}
