// Test support: the named diffs of the time-travel scenario (time-travel-scenario.ts), worked out by hand like the
// path diffs of time-travel-cycles.ts. Millions are shown to 2 decimals, days to 1, progress to 1.
import { noNamedChanges, type NamedChanges } from '../diff/named-changes';
import { delai, usagers } from './time-travel-scenario';

const nothing: NamedChanges = noNamedChanges();

const franceconnect = { projectId: 'franceconnect', projectTitle: 'FranceConnect' };
const hubee = { projectId: 'hubee', projectTitle: 'Hubee' };

type Value = readonly [value: number, period: string];

const value = (measured: Value | null) => (measured === null ? null : { value: measured[0], period: measured[1] });

/** FranceConnect's accounts, in millions: to 2 decimals. */
const usagersMove = (before: Value | null, after: Value, delta: number | null) => ({
  ...franceconnect,
  indicatorId: usagers.indicatorId,
  label: usagers.label,
  unit: 'millions',
  decimals: 2,
  before: value(before),
  after: value(after),
  delta,
});

/** Hubee's delay, in days: to 1 decimal. */
const delaiMove = (before: Value | null, after: Value, delta: number | null) => ({
  ...hubee,
  indicatorId: delai.indicatorId,
  label: delai.label,
  unit: 'days',
  decimals: 1,
  before: value(before),
  after: value(after),
  delta,
});

const delaiBehind = (progress: number, expectedProgress: number) => ({
  kind: 'indicator_behind' as const,
  indicatorId: delai.indicatorId,
  label: delai.label,
  progress,
  expectedProgress,
  colour: 'amber' as const,
});

/** Hubee's milestone, due 2020-06-30, 220 days overdue at CITP 5 (2021-02-05). */
const hubeeMinistriesOverdue = {
  kind: 'milestone_overdue' as const,
  milestoneId: 'hubee-ministries',
  title: 'Hubee open to every ministry',
  dueOn: '2020-06-30',
  overdueDays: 220,
  colour: 'red' as const,
};

/** What CITP 4 saw as new, being the first: every project, the milestone reached late, the first values. */
export const citp4NamedAsFirst: NamedChanges = {
  ...nothing,
  launched: [
    { projectId: 'franceconnect', missionCode: 'IDNUM', title: 'FranceConnect', launchedOn: '2019-04-25' },
    { projectId: 'hubee', missionCode: 'DATA', title: 'Hubee', launchedOn: '2019-07-01' },
    { projectId: 'vitam', missionCode: 'DATA', title: 'Vitam', launchedOn: '2019-05-15' },
  ],
  milestones: {
    ...nothing.milestones,
    reached: [
      {
        ...franceconnect,
        milestoneId: 'franceconnect-plus',
        title: 'FranceConnect+ with La Poste digital identity',
        dueOn: '2019-09-30',
        reachedOn: '2019-10-31',
        daysLate: 31,
      },
    ],
  },
  indicatorMoves: [usagersMove(null, [15, '2019-09-30'], null), delaiMove(null, [28, '2019-10-31'], null)],
};

/**
 * CITP 5 against CITP 4: API Particulier (launched before CITP 4, recorded after it), Vitam's milestone reached on
 * time, both indicators measured again; Hubee turns red. Its delay was 28 days on 2019-10-31: 10 % of the way from 30
 * to 10, where 137 of 914 days (15.0 %) had elapsed; then 20 days, 50 % of the way, 585 of 914 days (64.0 %) elapsed.
 */
export const citp5NamedAgainstCitp4: NamedChanges = {
  ...nothing,
  launched: [{ projectId: 'api-particulier', missionCode: 'DATA', title: 'API Particulier', launchedOn: '2019-10-01' }],
  milestones: {
    ...nothing.milestones,
    reached: [
      {
        projectId: 'vitam',
        projectTitle: 'Vitam',
        milestoneId: 'vitam-saas',
        title: 'Vitam offered as a service',
        dueOn: '2020-12-31',
        reachedOn: '2020-11-30',
        daysLate: 0,
      },
    ],
  },
  indicatorMoves: [
    usagersMove([15, '2019-09-30'], [24, '2020-12-31'], 9),
    delaiMove([28, '2019-10-31'], [20, '2020-12-31'], -8),
  ],
  healthChanges: [
    {
      ...hubee,
      from: 'amber',
      to: 'red',
      reasons: [hubeeMinistriesOverdue, delaiBehind(50, 64)],
      previousReasons: [delaiBehind(10, 15)],
    },
  ],
};

/**
 * CITP 6 against CITP 5: Vitam closed, Hubee redesigned (its milestone moved to 2021-12-31, its target to 12 days by
 * 2022-06-30), values for 2021-06-30 (CITP 5 saw 24 million accounts for 2020-12-31, before the restatement).
 * FranceConnect turns red: AgentConnect, due 2021-03-31, is 114 days overdue on 2021-07-23. Hubee turns amber: 18
 * days is 66.7 % of the way from 30 to 12, where 753 of 1,095 days (68.8 %) have elapsed.
 */
export const citp6NamedAgainstCitp5: NamedChanges = {
  ...nothing,
  closed: [
    {
      projectId: 'vitam',
      projectTitle: 'Vitam',
      outcome: 'completed',
      closedOn: '2021-06-30',
      note: 'Vitam v4 in service',
    },
  ],
  redesigned: [
    {
      ...hubee,
      planVersion: 2,
      decidedOn: '2021-07-05',
      decidedBy: 'DINUM steering committee',
      reason: 'Ministries join one by one: the opening is phased',
    },
  ],
  milestones: {
    ...nothing.milestones,
    rescheduled: [
      {
        ...hubee,
        milestoneId: 'hubee-ministries',
        title: 'Hubee open to every ministry',
        dueOn: '2021-12-31',
        previousDueOn: '2020-06-30',
      },
    ],
  },
  indicatorMoves: [
    usagersMove([24, '2020-12-31'], [27, '2021-06-30'], 3),
    delaiMove([20, '2020-12-31'], [18, '2021-06-30'], -2),
  ],
  healthChanges: [
    {
      ...franceconnect,
      from: 'green',
      to: 'red',
      reasons: [
        {
          kind: 'milestone_overdue',
          milestoneId: 'agentconnect',
          title: 'AgentConnect for public agents',
          dueOn: '2021-03-31',
          overdueDays: 114,
          colour: 'red',
        },
      ],
      previousReasons: [],
    },
    {
      ...hubee,
      from: 'red',
      to: 'amber',
      reasons: [delaiBehind(66.7, 68.8)],
      previousReasons: [hubeeMinistriesOverdue, delaiBehind(50, 64)],
    },
  ],
};

/** The restatement recorded after CITP 5, for a period it had seen: 24 → 25 million accounts for 2020-12-31. */
export const restatementNamedChanges: NamedChanges = {
  ...nothing,
  indicatorMoves: [usagersMove([24, '2020-12-31'], [25, '2020-12-31'], 1)],
};
