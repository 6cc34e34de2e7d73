import { InvalidQueryError } from '@portfolio/read-models';
import { queryParameters } from '../http/read-queries';

// Whole-number query parameters of the checkpoint and proof reads (sizes, positions, limits).

const NATURAL = /^(?:0|[1-9][0-9]{0,15})$/;

/** The OpenAPI schema of such a parameter. */
export const WHOLE_NUMBER = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

/** Each named parameter as a whole number, undefined when absent; 400 `invalid_query` when not a whole number. */
export function naturalParameters<K extends string>(
  query: Record<string, unknown>,
  names: readonly K[],
): Partial<Record<K, number>> {
  const given = queryParameters(query, names);
  const parsed: Partial<Record<K, number>> = {};
  for (const name of names) {
    const raw = given[name];
    if (raw === undefined) continue;
    if (!NATURAL.test(raw) || !Number.isSafeInteger(Number(raw))) {
      throw new InvalidQueryError(name, `${name} must be a whole number (got "${raw}")`);
    }
    parsed[name] = Number(raw);
  }
  return parsed;
}

/** A parameter the read cannot do without. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new InvalidQueryError(name, `${name} is required`);
  return value;
}
