import { businessDateOf } from './business-date';
import { DOMAIN_EVENT_TYPES, EVENT_SCHEMA_VERSION, type DomainEvent } from './domain-event';
import {
  citpJuly2021Held,
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  idnumDefined,
  measured,
  reached,
} from './testing/tech-gouv';

describe('businessDateOf', () => {
  it.each<[string, DomainEvent, string]>([
    ['definedOn', idnumDefined, '2019-04-25'],
    ['launchedOn', franceconnectLaunched, '2019-06-03'],
    ['reachedOn', reached('raccordement-impots', '2019-12-10', 0), '2019-12-10'],
    ['period', measured('comptes-actifs', 20_000_000, '2020-12-31'), '2020-12-31'],
    ['decidedOn', franceconnectPlusPostponed, '2020-02-15'],
    ['closedOn', franceconnectClosed, '2021-06-01'],
    ['heldOn', citpJuly2021Held, '2021-06-30'],
  ])('dates a fact by its %s', (_, event, date) => {
    expect(businessDateOf(event)).toBe(date);
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
    expect(EVENT_SCHEMA_VERSION).toBe(1);
  });
});
