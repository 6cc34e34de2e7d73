import { InvalidQueryError } from './query-errors';
import {
  parseAsOf,
  parseBoolean,
  parseChoice,
  parseChoices,
  parseDate,
  parseInstant,
  parseLimit,
  parsePosition,
  parseSearch,
  parseTerritory,
} from './query-parameters';

/** What parsing `raw` as `parameter` throws: its parameter and message. */
function refusal(parse: (raw: string, parameter: string) => unknown, raw: string, parameter: string) {
  try {
    parse(raw, parameter);
  } catch (error) {
    if (error instanceof InvalidQueryError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error(`${parameter}=${raw} was accepted`);
}

const POSITION_MESSAGE = 'must be a position: a whole number from 0 to 9223372036854775807';

describe('the query parameters of the reads', () => {
  it('takes a position that fits a SQL BIGINT, and nothing else', () => {
    expect(['0', '42', '9223372036854775807'].map((raw) => parsePosition(raw, 'after'))).toEqual([
      0n,
      42n,
      9223372036854775807n,
    ]);
    for (const raw of ['9223372036854775808', '18446744073709551616', '-1', '007', '1.5', '1e3', '', 'x']) {
      expect(refusal(parsePosition, raw, 'after')).toEqual({
        parameter: 'after',
        message: `after ${POSITION_MESSAGE}`,
      });
    }
  });

  it('takes an instant with its offset, in UTC milliseconds, and refuses a day that does not exist', () => {
    expect(parseInstant('2021-02-05T19:00:00+01:00', 'recordedFrom')).toBe('2021-02-05T18:00:00.000Z');
    expect(parseInstant('2021-02-05T18:00Z', 'recordedFrom')).toBe('2021-02-05T18:00:00.000Z');
    const message = 'recordedFrom must be an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
    for (const raw of ['2021-02-30T12:00:00Z', '2021-05-31T00:00:00', '2021-05-31T25:61:61Z', '2021-05-31', 'now']) {
      expect(refusal(parseInstant, raw, 'recordedFrom')).toEqual({ parameter: 'recordedFrom', message });
    }
  });

  it('takes a real calendar date', () => {
    expect(parseDate('2020-02-29', 'at')).toBe('2020-02-29');
    for (const raw of ['2021-02-29', '2021-1-01', '20210101', '']) {
      expect(refusal(parseDate, raw, 'fromAt')).toEqual({
        parameter: 'fromAt',
        message: 'fromAt must be a real calendar date written YYYY-MM-DD',
      });
    }
  });

  it('takes asOf as a position when all digits, as a release when series:id, as an instant otherwise, naming the parameter sent', () => {
    expect(parseAsOf('17', 'asOf')).toEqual({ position: 17n });
    expect(parseAsOf('barometre:2023-01-19', 'fromAsOf')).toEqual({
      release: { series: 'barometre', id: '2023-01-19' },
      parameter: 'fromAsOf',
    });
    expect(parseAsOf('2021-02-05T19:00:00+01:00', 'toAsOf')).toEqual({ instant: '2021-02-05T18:00:00.000Z' });
    expect(refusal(parseAsOf, '18446744073709551616', 'toAsOf')).toEqual({
      parameter: 'toAsOf',
      message: `toAsOf ${POSITION_MESSAGE}`,
    });
    expect(refusal(parseAsOf, 'yesterday', 'asOf')).toEqual({
      parameter: 'asOf',
      message:
        'asOf must be a position, a release (series:id, such as barometre:2023-01-19) or an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z',
    });
    expect(refusal(parseAsOf, 'Barometre:2023-01-19', 'asOf')).toMatchObject({ parameter: 'asOf' });
  });

  it('takes a page size within the read bounds', () => {
    const limit = parseLimit({ fallback: 50, max: 500 });
    expect([limit('1', 'limit'), limit('500', 'limit')]).toEqual([1, 500]);
    for (const raw of ['0', '501', '1.5', '01', 'abc', '']) {
      expect(refusal(limit, raw, 'limit')).toEqual({
        parameter: 'limit',
        message: 'limit must be a whole number from 1 to 500',
      });
    }
  });

  it('takes one of the choices', () => {
    const status = parseChoice(['active', 'closed'] as const);
    expect(status('closed', 'status')).toBe('closed');
    expect(refusal(status, 'open', 'status')).toEqual({
      parameter: 'status',
      message: 'status must be one of active, closed',
    });
  });

  it('takes a comma-separated list of the choices, each once', () => {
    const health = parseChoices(['green', 'amber', 'red'] as const);
    expect([health('red', 'health'), health('red,amber', 'health')]).toEqual([['red'], ['red', 'amber']]);
    for (const raw of ['', 'red,', 'red,blue', 'RED']) {
      expect(refusal(health, raw, 'health')).toEqual({
        parameter: 'health',
        message: 'health must be one of green, amber, red',
      });
    }
    expect(refusal(health, 'red,amber,red', 'health')).toEqual({
      parameter: 'health',
      message: 'health names a value twice',
    });
  });

  it('takes true or false, spelt so', () => {
    expect([parseBoolean('true', 'late'), parseBoolean('false', 'late')]).toEqual([true, false]);
    for (const raw of ['1', 'yes', 'TRUE', '']) {
      expect(refusal(parseBoolean, raw, 'late')).toEqual({ parameter: 'late', message: 'late must be true or false' });
    }
  });

  it('takes a search text without its surrounding blanks, refusing a blank or overlong one', () => {
    expect(parseSearch('  égalité ', 'q')).toBe('égalité');
    for (const raw of ['', '   ', 'x'.repeat(201)]) {
      expect(refusal(parseSearch, raw, 'q')).toEqual({
        parameter: 'q',
        message: 'q must be 1 to 200 characters, not blank',
      });
    }
  });

  it('takes a territory as level:code', () => {
    expect(parseTerritory('departement:2A', 'territory')).toEqual({ level: 'departement', code: '2A' });
    expect(parseTerritory('national:FR', 'territory')).toEqual({ level: 'national', code: 'FR' });
    for (const raw of ['region:', 'region:8', 'commune:75056', 'x', ':']) {
      expect(refusal(parseTerritory, raw, 'territory')).toEqual({
        parameter: 'territory',
        message: 'territory must be level:code, e.g. national:FR, region:84, departement:2A',
      });
    }
  });

  it('says what each parameter must be, for the refusal to be told in other languages', () => {
    const expected = (parse: (raw: string, parameter: string) => unknown, raw: string) => {
      try {
        parse(raw, 'p');
      } catch (error) {
        if (error instanceof InvalidQueryError) return error.expected;
        throw error;
      }
      throw new Error(`${raw} was accepted`);
    };
    expect(expected(parsePosition, '-1')).toEqual({ kind: 'position', max: '9223372036854775807' });
    expect(expected(parseInstant, 'yesterday')).toEqual({ kind: 'instant' });
    expect(expected(parseAsOf, 'yesterday')).toEqual({ kind: 'as_of' });
    expect(expected(parseDate, '2021-02-30')).toEqual({ kind: 'date' });
    expect(expected(parseLimit({ fallback: 50, max: 500 }), '501')).toEqual({ kind: 'limit', max: 500 });
    expect(expected(parseChoice(['active', 'closed']), 'paused')).toEqual({
      kind: 'choice',
      choices: ['active', 'closed'],
    });
    expect(expected(parseTerritory, 'x')).toEqual({ kind: 'territory' });
  });
});
