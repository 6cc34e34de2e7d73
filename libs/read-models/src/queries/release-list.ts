import type { TemporalStamp } from '../views/documents';
import type { ReadContext } from './read-context';
import { resolvePoint, type TemporalQuery } from './temporal-query';

/** A release values were recorded from, as known at the read's point. */
export interface ReleaseSummary {
  readonly id: string;
  readonly publishedOn: string;
  /** The position of the last value recorded from it: `asOf=series:id` reads as published in it. */
  readonly lastPosition: string;
  /** Values recorded from it; a value equal to the one known is not recorded again, so is not counted. */
  readonly values: number;
}

/**
 * GET /sources/{series}/releases: the releases of a series published by `at` whose values were recorded by `asOf`,
 * in order of publication; empty for a series nothing was recorded from.
 */
export async function releaseList(
  context: ReadContext,
  series: string,
  query: TemporalQuery,
): Promise<TemporalStamp & { series: string; items: ReleaseSummary[] }> {
  const { point, stamp } = await resolvePoint(context, query);
  const rows = await context.db
    .selectFrom('rm_release_values')
    .select((eb) => [
      'release_id',
      eb.fn.min('published_on').as('published_on'),
      eb.fn.max('position').as('last_position'),
      eb.fn.countAll<string | number>().as('values'),
    ])
    .where('generation', '=', context.projections.activeGenerationNumber)
    .where('series', '=', series)
    .where('published_on', '<=', point.at)
    .where('position', '<=', point.asOf.toString())
    .groupBy('release_id')
    .orderBy('published_on')
    .orderBy('release_id')
    .execute();
  const items = rows.map((row) => ({
    id: row.release_id,
    publishedOn: String(row.published_on),
    lastPosition: String(row.last_position),
    values: Number(row.values),
  }));
  return { ...stamp, series, items };
}
