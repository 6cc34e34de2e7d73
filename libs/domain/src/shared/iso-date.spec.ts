import fc from 'fast-check';
import { daysBetween, isIsoDate } from './iso-date';

describe('isIsoDate', () => {
  it.each(['2021-06-30', '2024-02-29', '2000-02-29', '1999-12-31', '2021-01-31'])(
    'accepts the real date %s',
    (date) => {
      expect(isIsoDate(date)).toBe(true);
    },
  );

  it.each([
    ['a day past the end of February', '2021-02-30'],
    ['February 29th of a common year', '2023-02-29'],
    ['February 29th of a century not divisible by 400', '1900-02-29'],
    ['April 31st', '2021-04-31'],
    ['month 13', '2021-13-01'],
    ['month 0', '2021-00-10'],
    ['day 0', '2021-06-00'],
    ['no zero padding', '2021-6-30'],
    ['a timestamp', '2021-06-30T00:00:00Z'],
    ['a French date', '30/06/2021'],
  ])('rejects %s (%s)', (_, date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it.each([undefined, null, 20210630, new Date(0)])('rejects the non-string %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('daysBetween', () => {
  it('counts whole days forward and backward, across leap days', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysBetween('2021-06-30', '2021-06-30')).toBe(0);
    expect(daysBetween('2021-06-30', '2021-06-01')).toBe(-29);
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10957);
  });

  it('agrees with UTC calendar arithmetic on any pair of dates', () => {
    const date = fc
      .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (from, to) => {
        expect(daysBetween(from, to)).toBe((Date.parse(to) - Date.parse(from)) / 86_400_000);
      }),
    );
  });

  it('refuses what is not a calendar date rather than returning NaN', () => {
    expect(() => daysBetween('2021-02-30', '2021-03-01')).toThrow(RangeError);
  });
});
