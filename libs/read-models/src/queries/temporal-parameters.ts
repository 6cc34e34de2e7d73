import { isIsoDate } from '@portfolio/domain';
import type { EventStore } from '@portfolio/event-store';
import type { ProjectionRuntime } from '../projection/projection-runtime';
import type { TemporalPoint } from '../temporal/portfolio-snapshot';
import type { TemporalStamp } from '../views/documents';
import { InvalidQueryError, ProjectionsBehindError } from './query-errors';

/** `at`, `asOf` and `minPosition` as they come in a query string. */
export interface TemporalParameters {
  readonly at?: string;
  readonly asOf?: string;
  readonly minPosition?: string;
}

const POSITION = /^(0|[1-9][0-9]{0,19})$/;
/** How long a query waits for the read models to reach a position before answering 503. */
export const PROJECTION_WAIT_MS = 5000;

// A date, a time and an explicit offset: without one an instant would be read in the server's own time zone.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with its offset, normalised to UTC milliseconds; 2021-02-30T… is refused, not rolled over. */
export function parseInstant(raw: string, parameter: string, expected = 'an ISO-8601 instant'): string {
  const match = INSTANT.exec(raw);
  const time = new Date(raw);
  if (match === null || !isIsoDate(match[1]) || Number.isNaN(time.getTime())) {
    throw new InvalidQueryError(
      parameter,
      `${parameter} must be ${expected} with its offset, such as 2021-02-05T18:00:00Z`,
    );
  }
  return time.toISOString();
}

/** Positions are SQL BIGINTs: a larger number is no position at all (and would overflow the database's). */
const MAX_POSITION = 2n ** 63n - 1n;

export function parsePosition(raw: string, parameter: string): bigint {
  if (!POSITION.test(raw) || BigInt(raw) > MAX_POSITION) {
    throw new InvalidQueryError(parameter, `${parameter} must be a position: a whole number from 0 to ${MAX_POSITION}`);
  }
  return BigInt(raw);
}

/** Waits (bounded) until the read models include `position`; throws ProjectionsBehindError otherwise. */
export async function awaitProjection(runtime: ProjectionRuntime, position: bigint): Promise<void> {
  if (!(await runtime.waitFor(position, PROJECTION_WAIT_MS))) {
    throw new ProjectionsBehindError(position, runtime.position, 1);
  }
}

/**
 * Resolves the bi-temporal parameters of a read (ARCHITECTURE §7): `at` defaults to today, `asOf` (a position or
 * an ISO instant, resolved to the last position recorded at or before it) defaults to what the read models know.
 */
export async function resolveTemporal(
  parameters: TemporalParameters,
  context: { readonly store: EventStore; readonly runtime: ProjectionRuntime; readonly today: string },
): Promise<TemporalPoint> {
  const at = parameters.at ?? context.today;
  if (!isIsoDate(at)) throw new InvalidQueryError('at', 'at must be a real calendar date written YYYY-MM-DD');
  const head = await context.store.head();
  if (parameters.minPosition !== undefined) {
    const minPosition = parsePosition(parameters.minPosition, 'minPosition');
    // A position never written can never be reached: refuse it at once rather than after the wait.
    if (minPosition > head) {
      throw new InvalidQueryError('minPosition', `minPosition is past the last position written (${head})`);
    }
    await awaitProjection(context.runtime, minPosition);
  }
  let asOf: bigint;
  if (parameters.asOf === undefined) asOf = context.runtime.position;
  else if (/^\d+$/.test(parameters.asOf)) asOf = parsePosition(parameters.asOf, 'asOf');
  else
    asOf = await context.store.positionAt(parseInstant(parameters.asOf, 'asOf', 'a position or an ISO-8601 instant'));
  // Nothing is known past the head: a later position or instant reads as the head.
  if (asOf > head) asOf = head;
  if (asOf > context.runtime.position) await awaitProjection(context.runtime, asOf);
  return { at, asOf };
}

export function stampOf(point: TemporalPoint, recordedAt: string | null): TemporalStamp {
  return { at: point.at, asOf: { position: point.asOf.toString(), recordedAt } };
}
