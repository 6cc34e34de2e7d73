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
});

describe('event catalogue', () => {
  it('lists every event type once, at schema version 1', () => {
    expect([...DOMAIN_EVENT_TYPES].sort()).toEqual([
      'IndicatorMeasured',
      'MilestoneReached',
      'MissionDefined',
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
    });
  });
});
