import { DomainError } from './domain-error';
import { SHORT_TEXT } from './text-characters';
import {
  requireChoice,
  requireDate,
  requireFactDate,
  requireNotBefore,
  requirePeriod,
  requireText,
  requireUnique,
} from './validation';

/** The refusal a check throws. */
function refusalOf(check: () => unknown): DomainError {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the check refused nothing');
}

describe('the facts a refusal carries for texts in other languages', () => {
  it('are the values its message quotes, by name', () => {
    expect(refusalOf(() => requireDate('2021-02-30', 'dueOn')).facts).toEqual({ value: '"2021-02-30"' });
    expect(refusalOf(() => requireText(42, 'title', SHORT_TEXT)).facts).toEqual({ expected: 'text', value: '42' });
    expect(refusalOf(() => requireText('x'.repeat(201), 'title', SHORT_TEXT)).facts).toEqual({
      length: 201,
      max: SHORT_TEXT.maxLength,
    });
    expect(refusalOf(() => requireChoice('paused', ['completed', 'abandoned'], 'outcome')).facts).toEqual({
      value: '"paused"',
      choices: 'completed, abandoned',
    });
    expect(refusalOf(() => requireUnique(['a1', 'a1'], (i) => `milestones[${i}].milestoneId`)).facts).toEqual({
      value: '"a1"',
    });
  });

  it('give the dates a date rule compared', () => {
    expect(refusalOf(() => requireFactDate('2030-01-01', 'reachedOn', '2026-12-04')).facts).toEqual({
      date: '2030-01-01',
      today: '2026-12-04',
    });
    expect(refusalOf(() => requireNotBefore('2019-01-01', '2019-04-25', 'reachedOn', 'the launch')).facts).toEqual({
      date: '2019-01-01',
      earliest: '2019-04-25',
    });
    expect(refusalOf(() => requirePeriod('2027-12-31', 'period', '2026-12-04', 31)).facts).toEqual({
      period: '2027-12-31',
      leadDays: 31,
      today: '2026-12-04',
    });
  });

  it('are none when the message quotes nothing', () => {
    expect(refusalOf(() => requireText('  ', 'title', SHORT_TEXT)).facts).toEqual({});
  });
});
