import type { IsoDate } from '@portfolio/domain';
import type { TemporalPoint } from '../temporal/portfolio-snapshot';
import type { TemporalStamp } from '../views/documents';
import { InvalidQueryError, ProjectionsBehindError } from './query-errors';
import type { AsOf } from './query-parameters';
import type { ProjectionProgress, ReadContext } from './read-context';
import { releasePosition } from './release-position';

/** Where in time a read stands (ARCHITECTURE §7), and how fresh its read models must be. */
export interface TemporalQuery {
  /** The business date; default today. */
  readonly at?: IsoDate;
  /** What was known; default what the read models know. */
  readonly asOf?: AsOf;
  /** Wait (bounded) until the read models include this position, e.g. the one a command answered. */
  readonly minPosition?: bigint;
}

/** How long a read waits for the read models to reach a position before answering 503. */
export const PROJECTION_WAIT_MS = 5000;

/** Waits (bounded) until the read models include `position`; throws ProjectionsBehindError otherwise. */
export async function awaitProjection(projections: ProjectionProgress, position: bigint): Promise<void> {
  if (!(await projections.waitFor(position, PROJECTION_WAIT_MS))) {
    throw new ProjectionsBehindError(position, projections.position, 1);
  }
}

/** Waits (bounded) until the read models include `minPosition`; a position never written is refused at once. */
export async function awaitMinPosition(context: ReadContext, minPosition: bigint): Promise<void> {
  const head = await context.store.head();
  // A position never written can never be reached: refuse it at once rather than after the wait.
  if (minPosition > head) {
    throw new InvalidQueryError('minPosition', `minPosition is past the last position written (${head})`);
  }
  await awaitProjection(context.projections, minPosition);
}

/**
 * The point a read stands at (ARCHITECTURE §7): `at` defaults to today, `asOf` (a position, an instant resolved
 * to the last position recorded by then, or a release resolved to the last value recorded from it) to what the read
 * models know; with its stamp, as documents echo it.
 */
export async function resolvePoint(
  context: ReadContext,
  query: TemporalQuery,
): Promise<{ point: TemporalPoint; stamp: TemporalStamp }> {
  const at = query.at ?? context.today();
  if (query.minPosition !== undefined) await awaitMinPosition(context, query.minPosition);
  const head = await context.store.head();
  let asOf = query.asOf === undefined ? context.projections.position : await positionOf(context, query.asOf);
  // Nothing is known past the head: a later position or instant reads as the head.
  if (asOf > head) asOf = head;
  if (asOf > context.projections.position) await awaitProjection(context.projections, asOf);
  const point = { at, asOf };
  return { point, stamp: await stampOf(context, point) };
}

/** The last position `asOf` knows: itself, the last recorded by an instant, or the last value of a release. */
async function positionOf(context: ReadContext, asOf: AsOf): Promise<bigint> {
  if ('position' in asOf) return asOf.position;
  if ('instant' in asOf) return context.store.positionAt(asOf.instant);
  return releasePosition(context, asOf.release, asOf.parameter);
}

/** The stamp a document carries: its business date, its position and when that position was recorded. */
export async function stampOf(context: ReadContext, point: TemporalPoint): Promise<TemporalStamp> {
  const row = await context.db
    .selectFrom('rm_event_index')
    .select('recorded_at')
    .where('generation', '=', context.projections.activeGenerationNumber)
    .where('position', '<=', point.asOf.toString())
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { at: point.at, asOf: { position: point.asOf.toString(), recordedAt: row?.recorded_at ?? null } };
}
