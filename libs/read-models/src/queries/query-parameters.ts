import { isIsoDate, type IsoDate, type Territory, type TerritoryLevel } from '@portfolio/domain';
import { InvalidQueryError, type ParameterLocation } from './query-errors';

// The reads' parameters as they arrive in text, parsed into the values the reads take: the API's query DTOs and the
// CLI's options both go through these, so that both refuse the same values with the same messages.

/** Positions are SQL BIGINTs: a larger number is no position at all (and would overflow the database's). */
const MAX_POSITION = 2n ** 63n - 1n;
const POSITION = /^(0|[1-9][0-9]{0,19})$/;

// A date, a time and an explicit offset: without one an instant would be read in the server's own time zone.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const TERRITORY = /^(national|region|departement):[0-9A-Z]{2,3}$/;

// A release's series and id, as the domain checks them (slugs); a series starts with a letter, so that no instant is one.
const RELEASE = /^([a-z][a-z0-9-]{1,63}):([a-z0-9][a-z0-9-]{1,63})$/;

/** A published release values were taken from, such as the Baromètre's of 2023-01-19 (`barometre:2023-01-19`). */
export interface ReleaseName {
  readonly series: string;
  readonly id: string;
}

/**
 * What was known: up to a position, up to the last position recorded by an instant, or up to the last value recorded
 * from a release (as published in it), which names the parameter it came from for its refusal when none was recorded.
 */
export type AsOf =
  | { readonly position: bigint }
  | { readonly instant: string }
  | { readonly release: ReleaseName; readonly parameter: string };

/** A position of the log (or a revision of a stream): a whole number that fits a SQL BIGINT. */
export function parsePosition(raw: string, parameter: string, location: ParameterLocation = 'query'): bigint {
  if (!POSITION.test(raw) || BigInt(raw) > MAX_POSITION) {
    throw new InvalidQueryError(
      parameter,
      `${parameter} must be a position: a whole number from 0 to ${MAX_POSITION}`,
      { kind: 'position', max: MAX_POSITION.toString() },
      location,
    );
  }
  return BigInt(raw);
}

/** An ISO-8601 instant with its offset, normalised to UTC milliseconds; 2021-02-30T… is refused, not rolled over. */
const INSTANT_IN_WORDS = {
  instant: 'an ISO-8601 instant',
  as_of: 'a position, a release (series:id, such as barometre:2023-01-19) or an ISO-8601 instant',
};

export function parseInstant(
  raw: string,
  parameter: string,
  expected: keyof typeof INSTANT_IN_WORDS = 'instant',
): string {
  const match = INSTANT.exec(raw);
  const time = new Date(raw);
  if (match === null || !isIsoDate(match[1]) || Number.isNaN(time.getTime())) {
    throw new InvalidQueryError(
      parameter,
      `${parameter} must be ${INSTANT_IN_WORDS[expected]} with its offset, such as 2021-02-05T18:00:00Z`,
      { kind: expected },
    );
  }
  return time.toISOString();
}

/** A business date: a real calendar day written YYYY-MM-DD. */
export function parseDate(raw: string, parameter: string): IsoDate {
  if (!isIsoDate(raw))
    throw new InvalidQueryError(parameter, `${parameter} must be a real calendar date written YYYY-MM-DD`, {
      kind: 'date',
    });
  return raw;
}

/** A position when all digits, a release when series:id, an ISO instant otherwise. */
export function parseAsOf(raw: string, parameter: string): AsOf {
  if (/^\d+$/.test(raw)) return { position: parsePosition(raw, parameter) };
  const release = RELEASE.exec(raw);
  if (release !== null) return { release: { series: release[1], id: release[2] }, parameter };
  return { instant: parseInstant(raw, parameter, 'as_of') };
}

/** How many items a page may hold, at most and when not said. */
export interface PageSize {
  readonly fallback: number;
  readonly max: number;
}

export function parseLimit(size: PageSize): (raw: string, parameter: string) => number {
  return (raw, parameter) => {
    if (!/^[1-9][0-9]{0,5}$/.test(raw) || Number(raw) > size.max) {
      throw new InvalidQueryError(parameter, `${parameter} must be a whole number from 1 to ${size.max}`, {
        kind: 'limit',
        max: size.max,
      });
    }
    return Number(raw);
  };
}

export function parseChoice<T extends string>(choices: readonly T[]): (raw: string, parameter: string) => T {
  return (raw, parameter) => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw new InvalidQueryError(parameter, `${parameter} must be one of ${choices.join(', ')}`, {
        kind: 'choice',
        choices,
      });
    }
    return raw as T;
  };
}

/** A comma-separated list of choices (`red,amber`), each at most once. */
export function parseChoices<T extends string>(choices: readonly T[]): (raw: string, parameter: string) => T[] {
  const parseOne = parseChoice(choices);
  return (raw, parameter) => {
    const picked = raw.split(',').map((one) => parseOne(one, parameter));
    if (new Set(picked).size !== picked.length) {
      throw new InvalidQueryError(parameter, `${parameter} names a value twice`, { kind: 'distinct_choices', choices });
    }
    return picked;
  };
}

/** `true` or `false`, spelt so. */
export function parseBoolean(raw: string, parameter: string): boolean {
  if (raw !== 'true' && raw !== 'false') {
    throw new InvalidQueryError(parameter, `${parameter} must be true or false`, { kind: 'boolean' });
  }
  return raw === 'true';
}

export const SEARCH_MAX_LENGTH = 200;

/** Text to search for: not blank, and not longer than any title a search could be meant for. */
export function parseSearch(raw: string, parameter: string): string {
  const text = raw.trim();
  if (text.length === 0 || text.length > SEARCH_MAX_LENGTH) {
    throw new InvalidQueryError(parameter, `${parameter} must be 1 to ${SEARCH_MAX_LENGTH} characters, not blank`, {
      kind: 'search',
      maxLength: SEARCH_MAX_LENGTH,
    });
  }
  return text;
}

/** `level:code`, as measurements are keyed: national:FR, region:84, departement:2A. */
export function parseTerritory(raw: string, parameter: string): Territory {
  if (!TERRITORY.test(raw)) {
    throw new InvalidQueryError(
      parameter,
      `${parameter} must be level:code, e.g. national:FR, region:84, departement:2A`,
      { kind: 'territory' },
    );
  }
  const [level, code] = raw.split(':');
  return { level: level as TerritoryLevel, code };
}
