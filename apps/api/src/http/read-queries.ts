import type { Role } from '@portfolio/application';
import { InvalidQueryError } from '@portfolio/read-models';
import { Problems, type ProblemAnswer } from './problems';

/** Who may read the portfolio's history (ARCHITECTURE §6). */
export const READER_ROLES: [Role, ...Role[]] = ['reviewer', 'auditor', 'programme-office', 'admin'];

export interface ReadProblemOptions {
  /** A temporal read may wait for the read models (`asOf`, `minPosition`) and answer 503 when they lag. */
  readonly temporal?: boolean;
  /** What is not known when the read answers 404, for a read of one thing. */
  readonly notFound?: string;
}

/** OpenAPI description of the problems a read answers; 401, 403 and 429 come with its roles (Roles). */
export function ReadProblems({ temporal = true, notFound }: ReadProblemOptions = {}): MethodDecorator {
  const answers: ProblemAnswer[] = [[400, 'a bad query parameter (`invalid_query`, naming it)']];
  if (notFound !== undefined) answers.push([404, notFound]);
  if (temporal) answers.push([503, 'the read models have not reached minPosition yet; try again after Retry-After']);
  return Problems(...answers);
}

/** The named query parameters as single strings; a repeated one (`?at=a&at=b`) is refused, not silently picked. */
export function queryParameters<K extends string>(
  query: Record<string, unknown>,
  names: readonly K[],
): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new InvalidQueryError(name, `${name} must be given once, as a plain value`);
    picked[name] = value;
  }
  return picked;
}

/** How the read documents show an indicator defined without a target, for the OpenAPI descriptions of the reads. */
export const MONITORED_SERIES_NOTE =
  'an indicator without a target is a monitored series: monitoredOnly true, progress and expectedProgress null, rates ' +
  'null unless its release published VI, VA and VC; rates (global and annual, with the values used): docs/progress.md';
