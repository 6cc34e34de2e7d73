import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Role } from '@portfolio/application';
import { InvalidQueryError } from '@portfolio/read-models';
import { ProblemDto } from './command-responses';

/** Who may read the portfolio's history (ARCHITECTURE §6). */
export const READER_ROLES: [Role, ...Role[]] = ['reviewer', 'auditor', 'programme-office', 'admin'];

const problemContent = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } };

/**
 * OpenAPI description of the problems a read answers; a temporal read may also wait for the read models (`asOf`,
 * `minPosition`) and answer 503 when they lag.
 */
export function ReadProblems(options: { readonly temporal: boolean } = { temporal: true }): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({ status: 400, description: 'a bad query parameter', content: problemContent }),
    ApiResponse({ status: 401, description: 'no or bad credentials', content: problemContent }),
    ApiResponse({ status: 403, description: 'role not allowed', content: problemContent }),
    ...(options.temporal
      ? [
          ApiResponse({
            status: 503,
            description: 'the read models have not reached minPosition yet (Retry-After)',
            content: problemContent,
          }),
        ]
      : []),
  );
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
