import { COMMAND_ROUTES, routeOf, type DomainCommand } from './command-routes';
import type { DomainEvent } from './domain-event';
import { streamIdOf } from './stream-names';
import { decideAgainst } from './testing/given';
import {
  citpJuly2021Held,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  idnumDefined,
  launchFranceConnect,
  onToday,
} from './testing/tech-gouv';

const { cycleId, title, heldOn, ...seal } = citpJuly2021Held.data;

/** One accepted command of each kind, with the history it is decided against. */
const accepted: readonly { readonly history: readonly DomainEvent[]; readonly command: DomainCommand }[] = [
  { history: [], command: { type: 'DefineMission', ...idnumDefined.data } },
  { history: [idnumDefined], command: launchFranceConnect },
  {
    history: [franceconnectLaunched],
    command: {
      type: 'ReachMilestone',
      projectId: 'franceconnect',
      milestoneId: 'raccordement-impots',
      reachedOn: '2019-12-31',
    },
  },
  {
    history: [franceconnectLaunched],
    command: {
      type: 'RecordMeasurements',
      projectId: 'franceconnect',
      measurements: [{ indicatorId: 'comptes-actifs', value: 26_000_000, period: '2021-05-31' }],
    },
  },
  {
    history: [franceconnectLaunched],
    command: {
      type: 'RedesignProject',
      projectId: 'franceconnect',
      reason: franceconnectPlusPostponed.data.reason,
      decidedOn: franceconnectPlusPostponed.data.decidedOn,
      changes: {
        milestones: { rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2020-12-15' }] },
      },
    },
  },
  {
    history: [franceconnectLaunched],
    command: {
      type: 'CloseProject',
      projectId: 'franceconnect',
      outcome: 'completed',
      closedOn: '2021-06-01',
      note: 'En run',
    },
  },
  { history: [], command: { type: 'HoldReviewCycle', cycleId, title, heldOn } },
];

const decide = ({ history, command }: (typeof accepted)[number]) =>
  decideAgainst(history, command, { ...onToday, seal });

describe('command routes', () => {
  it('route every kind of command', () => {
    expect(new Set(accepted.map(({ command }) => command.type))).toEqual(new Set(Object.keys(COMMAND_ROUTES)));
  });

  it.each(accepted.map((example) => [example.command.type, example] as const))(
    '%s appends only to the stream its route writes',
    (_, example) => {
      const events = decide(example);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events)
        expect(streamIdOf(event)).toBe(routeOf(example.command).writes(example.command).streamId);
    },
  );

  it('read a project launch against the mission it names', () => {
    expect(routeOf(launchFranceConnect).reads(launchFranceConnect)).toMatchObject({
      mission: { streamId: 'mission-IDNUM' },
    });
    const missing = { history: [], command: launchFranceConnect };
    expect(() => decide(missing)).toThrow(expect.objectContaining({ code: 'mission_not_found' }));
  });

  it('ask for the seal of the log only to hold a review cycle', () => {
    const needing = Object.entries(COMMAND_ROUTES).filter(([, route]) => route.needs.length > 0);
    expect(needing.map(([type, route]) => [type, route.needs])).toEqual([['HoldReviewCycle', ['seal']]]);
  });
});
