import { InvalidQueryError } from './query-errors';
import type { ReleaseName } from './query-parameters';
import type { ReadContext } from './read-context';

/**
 * The position of the last value recorded from a release: what was known as published in it. A release no value was
 * recorded from (unknown, or whose values all repeated known ones) is refused, naming the parameter that gave it.
 */
export async function releasePosition(context: ReadContext, release: ReleaseName, parameter: string): Promise<bigint> {
  const row = await context.db
    .selectFrom('rm_release_values')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('generation', '=', context.projections.activeGenerationNumber)
    .where('series', '=', release.series)
    .where('release_id', '=', release.id)
    .executeTakeFirst();
  if (row?.position === undefined || row.position === null) {
    const named = `${release.series}:${release.id}`;
    throw new InvalidQueryError(
      parameter,
      `${parameter} must be a release values were recorded from: ${named} is none`,
      { kind: 'known_release', release: named },
    );
  }
  return BigInt(row.position);
}
