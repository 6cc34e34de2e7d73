// Test support: the documents of the time-travel scenario (time-travel-scenario.ts), worked out by hand from
// ARCHITECTURE §7: progress = (latest − baseline) / (target − baseline) × 100, shown to two decimals, expected progress =
// days elapsed since the baseline / days from baseline to target × 100, both capped to [0, 100]; day counts are written
// out in comments.
import type { MissionDefined, TargetedIndicator } from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import type {
  IndicatorView,
  LatestValue,
  MissionView,
  PortfolioTotals,
  ProjectDetail,
  ProjectSummary,
  TemporalStamp,
} from '../views/documents';
import { measuredProgress } from './indicator-rates';
import {
  apiParticulierLaunched,
  dataDefined,
  delai,
  franceconnectReviewed,
  idnumDescribed,
  usagers,
  vitamLaunched,
} from './time-travel-scenario';

/** Share of `span` days elapsed after `days`, in percent within [0, 100] (expected progress, §7). */
export const elapsed = (days: number, span: number): number => Math.min(100, Math.max(0, (100 * days) / span));

/** The stamp of a document at `at` as known at the `ordinal`-th event recorded (1-based, as in the scenario). */
export function stampAt(recorded: readonly StoredEvent[], at: string, ordinal: number): TemporalStamp {
  const event = recorded[ordinal - 1];
  return { at, asOf: { position: event.position.toString(), recordedAt: event.recordedAt } };
}

function indicatorView(
  indicator: TargetedIndicator,
  latest: LatestValue | null,
  progress: number | null,
  expectedProgress: number,
): IndicatorView {
  return {
    ...indicator,
    nationalFrom: null,
    annualTargets: [],
    retired: false,
    latest,
    monitoredOnly: false,
    ...measuredProgress(indicator, latest, progress),
    expectedProgress,
  };
}

export function usagersView(latest: LatestValue | null, progress: number | null, expected: number): IndicatorView {
  return indicatorView(usagers, latest, progress, expected);
}

const USAGERS_PATH = 'missions[IDNUM].projects[franceconnect].indicators[usagers-franceconnect]';

export const DELAI_V1_TARGET = delai.target;
export const DELAI_V2_TARGET = { value: 12, by: '2022-06-30' };

export function delaiView(
  target: TargetedIndicator['target'],
  latest: LatestValue,
  progress: number,
  expected: number,
): IndicatorView {
  return indicatorView({ ...delai, target }, latest, progress, expected);
}

export function franceconnect(
  health: ProjectSummary['health'],
  overdue: number,
  indicator: IndicatorView,
): ProjectSummary {
  return {
    projectId: 'franceconnect',
    missionCode: 'IDNUM',
    title: 'FranceConnect',
    status: 'active',
    outcome: null,
    health,
    planVersion: 1,
    launchedOn: '2019-04-25',
    closedOn: null,
    milestones: { total: 2, reached: 1, reachedLate: 1, overdue },
    indicators: [indicator],
  };
}

/** FranceConnect in detail: franceconnect-plus reached 31 days late, agentconnect (due 2021-03-31) not reached. */
export function franceconnectDetail(summary: ProjectSummary, agentconnectOverdueDays: number): ProjectDetail {
  return {
    ...summary,
    objective: franceconnectReviewed.data.objective,
    leadOrganisation: 'DINUM',
    note: null,
    territorialRates: [],
    milestoneList: [
      {
        milestoneId: 'franceconnect-plus',
        title: 'FranceConnect+ with La Poste digital identity',
        dueOn: '2019-09-30',
        reachedOn: '2019-10-31',
        daysLate: 31,
        overdueDays: 0,
      },
      {
        milestoneId: 'agentconnect',
        title: 'AgentConnect for public agents',
        dueOn: '2021-03-31',
        reachedOn: null,
        daysLate: null,
        overdueDays: agentconnectOverdueDays,
      },
    ],
  };
}

export function hubee(
  health: ProjectSummary['health'],
  planVersion: number,
  overdue: number,
  indicator: IndicatorView,
): ProjectSummary {
  return {
    projectId: 'hubee',
    missionCode: 'DATA',
    title: 'Hubee',
    status: 'active',
    outcome: null,
    health,
    planVersion,
    launchedOn: '2019-07-01',
    closedOn: null,
    milestones: { total: 1, reached: 0, reachedLate: 0, overdue },
    indicators: [indicator],
  };
}

export function vitamActive(reached: number): ProjectSummary {
  return {
    projectId: 'vitam',
    missionCode: 'DATA',
    title: 'Vitam',
    status: 'active',
    outcome: null,
    health: 'green',
    planVersion: 1,
    launchedOn: vitamLaunched.data.launchedOn,
    closedOn: null,
    milestones: { total: 1, reached, reachedLate: 0, overdue: 0 },
    indicators: [],
  };
}

export const vitamClosed: ProjectSummary = {
  ...vitamActive(1),
  status: 'closed',
  outcome: 'completed',
  health: null,
  closedOn: '2021-06-30',
};

export const apiParticulier: ProjectSummary = {
  projectId: 'api-particulier',
  missionCode: 'DATA',
  title: 'API Particulier',
  status: 'active',
  outcome: null,
  health: 'green',
  planVersion: 1,
  launchedOn: apiParticulierLaunched.data.launchedOn,
  closedOn: null,
  milestones: { total: 0, reached: 0, reachedLate: 0, overdue: 0 },
  indicators: [],
};

function missionView(defined: MissionDefined, projects: ProjectSummary[]): MissionView {
  return { ...defined.data, description: defined.data.description ?? null, projects };
}

/** DATA was defined without a description: its view shows null. */
export const dataView = (projects: ProjectSummary[]): MissionView => missionView(dataDefined, projects);

export const idnumView = (projects: ProjectSummary[]): MissionView => missionView(idnumDescribed, projects);

export function totals(t: {
  projects: number;
  active: number;
  closed: number;
  green: number;
  amber: number;
  red: number;
  reached: number;
  overdue: number;
}): PortfolioTotals {
  return {
    missions: 2,
    projects: t.projects,
    active: t.active,
    closed: t.closed,
    completed: t.closed,
    abandoned: 0,
    health: { green: t.green, amber: t.amber, red: t.red },
    // franceconnect-plus is the only milestone ever reached late.
    milestones: { total: 4, reached: t.reached, reachedLate: 1, overdue: t.overdue },
  };
}

// franceconnect at each date read (baseline 2019-01-01, target 2022-12-31: 1,460 days).
// 2019-11-15: 15 → (15 − 10) / 20 = 25 %, 318 days elapsed; agentconnect (due 2021-03-31) not yet due: green.
export const fcAtCitp4 = franceconnect(
  'green',
  0,
  usagersView({ value: 15, period: '2019-09-30' }, 25, elapsed(318, 1460)),
);
// 2021-02-05 as CITP 5 knew it: 24 → 70 %, 766 days elapsed (52.5 %): green.
export const fcAtCitp5 = franceconnect(
  'green',
  0,
  usagersView({ value: 24, period: '2020-12-31' }, 70, elapsed(766, 1460)),
);
// 2021-02-05 as known now: the restated 25 → 75 %.
export const fcAtCitp5Restated = franceconnect(
  'green',
  0,
  usagersView({ value: 25, period: '2020-12-31' }, 75, elapsed(766, 1460)),
);
// 2021-06-30: 27 → 85 %, 911 days; agentconnect 91 days overdue (> 90): red.
export const fcJune30 = franceconnect(
  'red',
  1,
  usagersView({ value: 27, period: '2021-06-30' }, 85, elapsed(911, 1460)),
);
// 2021-07-10: 921 days; agentconnect 101 days overdue: red.
export const fcJuly10 = franceconnect(
  'red',
  1,
  usagersView({ value: 27, period: '2021-06-30' }, 85, elapsed(921, 1460)),
);
// 2021-07-23 (CITP 6): 934 days; agentconnect 114 days overdue: red.
export const fcAtCitp6 = franceconnect(
  'red',
  1,
  usagersView({ value: 27, period: '2021-06-30' }, 85, elapsed(934, 1460)),
);

// hubee (decrease; baseline 30 on 2019-07-01; plan 1 target 10 by 2021-12-31: 914 days; plan 2 from 2021-07-05 targets
// 12 by 2022-06-30: 1,095 days, and moves hubee-ministries from 2020-06-30 to 2021-12-31).
// 2019-11-15: 28 → (28 − 30) / (10 − 30) = 10 %, expected 137 / 914 = 15 %: below, not below half: amber.
export const hubeeAtCitp4 = hubee(
  'amber',
  1,
  0,
  delaiView(DELAI_V1_TARGET, { value: 28, period: '2019-10-31' }, 10, elapsed(137, 914)),
);
// 2021-02-05: 20 → 50 %, expected 585 / 914 = 64 %; hubee-ministries 220 days overdue: red.
export const hubeeAtCitp5 = hubee(
  'red',
  1,
  1,
  delaiView(DELAI_V1_TARGET, { value: 20, period: '2020-12-31' }, 50, elapsed(585, 914)),
);
// 2021-06-30, before the redesign's date: plan 1; 18 → 60 %, 730 / 914 days; milestone 365 days overdue: red.
export const hubeeJune30 = hubee(
  'red',
  1,
  1,
  delaiView(DELAI_V1_TARGET, { value: 18, period: '2021-06-30' }, 60, elapsed(730, 914)),
);
// 2021-07-10, plan 2: 18 → (18 − 30) / (12 − 30) = 66.7 %, expected 740 / 1,095 = 67.6 %: amber.
export const hubeeJuly10 = hubee(
  'amber',
  2,
  0,
  delaiView(DELAI_V2_TARGET, { value: 18, period: '2021-06-30' }, (100 * (18 - 30)) / (12 - 30), elapsed(740, 1095)),
);
// 2021-07-23 (CITP 6): 753 / 1,095 = 68.8 %: amber.
export const hubeeAtCitp6 = hubee(
  'amber',
  2,
  0,
  delaiView(DELAI_V2_TARGET, { value: 18, period: '2021-06-30' }, (100 * (18 - 30)) / (12 - 30), elapsed(753, 1095)),
);

/** The portfolio at CITP 4 as CITP 4 knew it (up to its sealed position, the 10th event). */
export const citp4Portfolio = (recorded: readonly StoredEvent[]) => ({
  ...stampAt(recorded, '2019-11-15', 10),
  missions: [dataView([hubeeAtCitp4, vitamActive(0)]), idnumView([fcAtCitp4])],
  totals: totals({ projects: 3, active: 3, closed: 0, green: 2, amber: 1, red: 0, reached: 1, overdue: 0 }),
});

/** The portfolio at CITP 5 as CITP 5 knew it (up to the 17th event): the value since restated is the old one. */
export const citp5Portfolio = (recorded: readonly StoredEvent[]) => ({
  ...stampAt(recorded, '2021-02-05', 17),
  missions: [dataView([apiParticulier, hubeeAtCitp5, vitamActive(1)]), idnumView([fcAtCitp5])],
  totals: totals({ projects: 4, active: 4, closed: 0, green: 3, amber: 0, red: 1, reached: 2, overdue: 1 }),
});

/** The portfolio at CITP 6 as CITP 6 knew it (up to the 23rd event). */
export const citp6Portfolio = (recorded: readonly StoredEvent[]) => ({
  ...stampAt(recorded, '2021-07-23', 23),
  missions: [dataView([apiParticulier, hubeeAtCitp6, vitamClosed]), idnumView([fcAtCitp6])],
  totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 1, red: 1, reached: 2, overdue: 1 }),
});

/** The portfolio at CITP 5's date as known before and after the restatement: only FranceConnect's value moved. */
export const restatementChanges = [
  { path: `${USAGERS_PATH}.latest.value`, from: 24, to: 25 },
  { path: `${USAGERS_PATH}.progress.raw`, from: 70, to: 75 },
  { path: `${USAGERS_PATH}.progress.shown`, from: 70, to: 75 },
];
