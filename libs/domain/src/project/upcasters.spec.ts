import { upcastEvent } from '../schema/event-schemas';
import { deepFreeze } from '../testing/deep-freeze';
import type { IndicatorMeasured } from './project-events';

// Given an event as a version-1 log holds it (frozen), when read, then the newest version of its data.

const givenStored = (schemaVersion: number, data: Record<string, unknown>) => ({
  whenRead: () => upcastEvent(deepFreeze({ type: 'IndicatorMeasured', schemaVersion, data, metadata: {} })),
});

const v1 = {
  projectId: 'franceconnect',
  indicatorId: 'usagers-franceconnect',
  value: 12.5,
  period: '2021-06-30',
  territory: { level: 'national' as const, code: 'FR' },
  source: 'DINUM',
  supersedes: 12,
};

describe('IndicatorMeasured 1 → 2', () => {
  it('states the decimal places the stored number shows, and keeps every other field', () => {
    const expected: IndicatorMeasured = { type: 'IndicatorMeasured', data: { ...v1, decimals: 1 } };
    expect(givenStored(1, v1).whenRead()).toEqual(expected);
  });

  it.each([
    [31, 0],
    [1.6, 1],
    [0.125, 3],
  ])('reads a version-1 value of %p as given with %p places', (value, decimals) => {
    expect(givenStored(1, { ...v1, value }).whenRead().data).toMatchObject({ value, decimals });
  });

  it('leaves a version-2 event as stored: 12.50 stays two places', () => {
    const v2 = { ...v1, decimals: 2 };
    expect(givenStored(2, v2).whenRead().data).toEqual(v2);
  });
});
