import { InvalidQueryError } from './query-errors';

/** One page of a read, and how to ask for the next. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` (or `after`) for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** The first `limit` of `fetched` (read with one more than the limit, to know whether more follow). */
export function pageOf<T>(fetched: readonly T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = fetched.slice(0, limit);
  return { items, nextCursor: fetched.length > limit ? cursorOf(items[items.length - 1]) : null };
}

/** Keys compared as the database's binary collation would, the same on every machine: pages cut the same order. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An opaque cursor naming the last project id of a page. */
export function encodeCursor(projectId: string): string {
  return Buffer.from(projectId).toString('base64url');
}

/** The project id a cursor of `encodeCursor` names; anything else is refused. */
export function parseCursor(raw: string, parameter: string): string {
  const decoded = Buffer.from(raw, 'base64url').toString('utf8');
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(decoded)) {
    throw new InvalidQueryError(parameter, `${parameter} is not one this API gave`);
  }
  return decoded;
}
