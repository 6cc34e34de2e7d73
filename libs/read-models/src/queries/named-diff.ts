import type { ProjectRedesigned } from '@portfolio/domain';
import { namedChanges, type NamedChanges } from '../diff/named-changes';
import { loadSnapshot, type TemporalPoint } from '../temporal/portfolio-snapshot';
import { revealedData, type ReadContext } from './read-context';

/**
 * How a diff answers: `named` (the default) names each project, milestone and indicator that changed; `paths` lists
 * every JSON path of the portfolio document that differs, with its old and new values.
 */
export const DIFF_FORMATS = ['named', 'paths'] as const;

export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The named changes from the portfolio at one point to the portfolio at another (see namedChanges). */
export async function namedChangesBetween(
  context: ReadContext,
  from: TemporalPoint,
  to: TemporalPoint,
): Promise<NamedChanges> {
  const before = await loadSnapshot(context, from);
  const after = await loadSnapshot(context, to);
  const redesigns = await redesignsBetween(context, from, to);
  return namedChanges({ snapshot: before, at: from.at }, { snapshot: after, at: to.at }, redesigns);
}

/**
 * The redesigns the second point knows and the first does not (all it knows when there is no first), in log order: a
 * fact is known at a point when it is recorded by its `asOf` and dated by its `at`, as the snapshots fold them.
 */
export async function redesignsBetween(
  context: ReadContext,
  from: TemporalPoint | null,
  to: TemporalPoint,
): Promise<ProjectRedesigned['data'][]> {
  let known = context.db
    .selectFrom('rm_project_facts')
    .select('data')
    .where('generation', '=', context.projections.activeGenerationNumber)
    .where('type', '=', 'ProjectRedesigned')
    .where('position', '<=', to.asOf.toString())
    .where('business_date', '<=', to.at);
  if (from !== null) {
    known = known.where((eb) => eb.or([eb('position', '>', from.asOf.toString()), eb('business_date', '>', from.at)]));
  }
  const rows = await known.orderBy('position').execute();
  return revealedData<ProjectRedesigned['data']>(
    context,
    rows.map((row) => row.data),
  );
}
