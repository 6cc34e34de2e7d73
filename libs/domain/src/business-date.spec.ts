import { businessDateOf } from './business-date';
import { DOMAIN_EVENT_TYPES } from './domain-event';
import { EVENT_SCHEMA_VERSIONS } from './schema/event-schemas';
import { franceconnectHistory } from './testing/tech-gouv';

describe('businessDateOf', () => {
  it('dates each kind of fact by its own date', () => {
    // definedOn, launchedOn, reachedOn, period, decidedOn, closedOn, heldOn.
    expect(franceconnectHistory.map(businessDateOf)).toEqual([
      '2019-04-25',
      '2019-06-03',
      '2019-12-10',
      '2020-12-31',
      '2020-02-15',
      '2021-06-01',
      '2021-06-30',
    ]);
  });

  it('dates an erasure by the day it was made', () => {
    const erasure = {
      type: 'PersonalDataErased',
      data: { subjectId: 's', scope: 'subject', reason: 'r', erasedOn: '2026-12-05', periods: [], keyIds: [] },
    } as const;
    expect(businessDateOf(erasure)).toBe('2026-12-05');
  });
});

describe('event catalogue', () => {
  it('lists every event type once, at schema version 1', () => {
    expect([...DOMAIN_EVENT_TYPES].sort()).toEqual([
      'IndicatorMeasured',
      'MilestoneReached',
      'MissionDefined',
      'PersonalDataErased',
      'ProjectClosed',
      'ProjectLaunched',
      'ProjectRedesigned',
      'ReviewCycleHeld',
    ]);
    expect(EVENT_SCHEMA_VERSIONS).toEqual({
      MissionDefined: 1,
      ProjectLaunched: 1,
      MilestoneReached: 1,
      IndicatorMeasured: 2,
      ProjectRedesigned: 1,
      ProjectClosed: 1,
      ReviewCycleHeld: 1,
      PersonalDataErased: 1,
    });
  });
});
