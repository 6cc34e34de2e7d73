// Test support: the review cycles of the time-travel scenario (time-travel-scenario.ts) as their reports and diffs show
// them, worked out by hand like the portfolios they compare (time-travel-documents.ts).
import type { StoredEvent } from '@portfolio/event-store';
import type { ReviewCycleSummary } from '../queries/cycles-known-at';
import type { CycleChanges } from '../views/cycle-changes';
import { apiParticulier, elapsed } from './time-travel-documents';
import { citp4, citp5, citp6, delai, usagers, type Review } from './time-travel-scenario';

/** The review recorded as the `ordinal`-th event, sealing the `sealed` events before it. */
function cycleSummary(
  recorded: readonly StoredEvent[],
  ordinal: number,
  review: Review,
  sealed: number,
): ReviewCycleSummary {
  const held = recorded[ordinal - 1];
  return {
    ...review,
    position: held.position.toString(),
    recordedAt: held.recordedAt,
    seal: {
      sealedPosition: recorded[sealed - 1].position.toString(),
      merkleRoot: held.data.merkleRoot as string,
      eventCount: sealed,
      signature: held.data.signature as string,
    },
  };
}

export const citp4Cycle = (recorded: readonly StoredEvent[]) => cycleSummary(recorded, 11, citp4, 10);
export const citp5Cycle = (recorded: readonly StoredEvent[]) => cycleSummary(recorded, 18, citp5, 17);
export const citp6Cycle = (recorded: readonly StoredEvent[]) => cycleSummary(recorded, 24, citp6, 23);

const noChanges = { launched: [], milestonesReached: [], redesigned: [], closed: [] };

/** What CITP 4 saw as new: everything, being the first. */
export const citp4Changes: CycleChanges = {
  ...noChanges,
  since: null,
  until: '2019-11-15',
  launched: [
    { projectId: 'franceconnect', title: 'FranceConnect', launchedOn: '2019-04-25' },
    { projectId: 'hubee', title: 'Hubee', launchedOn: '2019-07-01' },
    { projectId: 'vitam', title: 'Vitam', launchedOn: '2019-05-15' },
  ],
  milestonesReached: [
    { projectId: 'franceconnect', milestoneId: 'franceconnect-plus', reachedOn: '2019-10-31', daysLate: 31 },
  ],
  indicatorMoves: [
    {
      projectId: 'franceconnect',
      indicatorId: usagers.indicatorId,
      from: null,
      to: { value: 15, period: '2019-09-30' },
    },
    { projectId: 'hubee', indicatorId: delai.indicatorId, from: null, to: { value: 28, period: '2019-10-31' } },
  ],
};

/** What changed from CITP 4 to CITP 5, each as its committee knew the portfolio. */
export const citp5Changes: CycleChanges = {
  ...noChanges,
  since: '2019-11-15',
  until: '2021-02-05',
  launched: [{ projectId: 'api-particulier', title: 'API Particulier', launchedOn: '2019-10-01' }],
  milestonesReached: [{ projectId: 'vitam', milestoneId: 'vitam-saas', reachedOn: '2020-11-30', daysLate: 0 }],
  indicatorMoves: [
    {
      projectId: 'franceconnect',
      indicatorId: usagers.indicatorId,
      from: { value: 15, period: '2019-09-30' },
      to: { value: 24, period: '2020-12-31' },
    },
    {
      projectId: 'hubee',
      indicatorId: delai.indicatorId,
      from: { value: 28, period: '2019-10-31' },
      to: { value: 20, period: '2020-12-31' },
    },
  ],
};

/** From CITP 5 to CITP 6: the redesign, the closure, and the moves from the values CITP 5 knew (24, not 25). */
export const citp6Changes: CycleChanges = {
  ...noChanges,
  since: '2021-02-05',
  until: '2021-07-23',
  redesigned: [{ projectId: 'hubee', fromPlanVersion: 1, toPlanVersion: 2 }],
  closed: [{ projectId: 'vitam', outcome: 'completed', closedOn: '2021-06-30' }],
  indicatorMoves: [
    {
      projectId: 'franceconnect',
      indicatorId: usagers.indicatorId,
      from: { value: 24, period: '2020-12-31' },
      to: { value: 27, period: '2021-06-30' },
    },
    {
      projectId: 'hubee',
      indicatorId: delai.indicatorId,
      from: { value: 20, period: '2020-12-31' },
      to: { value: 18, period: '2021-06-30' },
    },
  ],
};

const FC = 'missions[IDNUM].projects[franceconnect]';
const USAGERS = `${FC}.indicators[usagers-franceconnect]`;
const HUBEE = 'missions[DATA].projects[hubee]';
const DELAI = `${HUBEE}.indicators[delai-traitement]`;
const VITAM = 'missions[DATA].projects[vitam]';

/** CITP 6's portfolio against CITP 5's. */
export const citp6AgainstCitp5 = {
  added: [],
  removed: [],
  changed: [
    { path: `${HUBEE}.health`, from: 'red', to: 'amber' },
    { path: `${DELAI}.expectedProgress`, from: elapsed(585, 914), to: elapsed(753, 1095) },
    { path: `${DELAI}.latest.period`, from: '2020-12-31', to: '2021-06-30' },
    { path: `${DELAI}.latest.value`, from: 20, to: 18 },
    { path: `${DELAI}.progress.raw`, from: 50, to: (100 * -12) / -18 },
    { path: `${DELAI}.progress.shown`, from: 50, to: (100 * -12) / -18 },
    { path: `${DELAI}.target.by`, from: '2021-12-31', to: '2022-06-30' },
    { path: `${DELAI}.target.value`, from: 10, to: 12 },
    { path: `${HUBEE}.milestones.overdue`, from: 1, to: 0 },
    { path: `${HUBEE}.planVersion`, from: 1, to: 2 },
    { path: `${VITAM}.closedOn`, from: null, to: '2021-06-30' },
    { path: `${VITAM}.health`, from: 'green', to: null },
    { path: `${VITAM}.outcome`, from: null, to: 'completed' },
    { path: `${VITAM}.status`, from: 'active', to: 'closed' },
    { path: `${FC}.health`, from: 'green', to: 'red' },
    { path: `${USAGERS}.expectedProgress`, from: elapsed(766, 1460), to: elapsed(934, 1460) },
    { path: `${USAGERS}.latest.period`, from: '2020-12-31', to: '2021-06-30' },
    { path: `${USAGERS}.latest.value`, from: 24, to: 27 },
    { path: `${USAGERS}.progress.raw`, from: 70, to: 85 },
    { path: `${USAGERS}.progress.shown`, from: 70, to: 85 },
    { path: `${FC}.milestones.overdue`, from: 0, to: 1 },
    { path: 'totals.active', from: 4, to: 3 },
    { path: 'totals.closed', from: 0, to: 1 },
    { path: 'totals.completed', from: 0, to: 1 },
    { path: 'totals.health.amber', from: 0, to: 1 },
    { path: 'totals.health.green', from: 3, to: 1 },
  ],
};

/** CITP 6's portfolio against CITP 4's: the project CITP 4 did not know is added. */
export const citp6AgainstCitp4 = {
  added: [{ path: 'missions[DATA].projects[api-particulier]', value: apiParticulier }],
  removed: [],
  changed: [
    { path: `${DELAI}.expectedProgress`, from: elapsed(137, 914), to: elapsed(753, 1095) },
    { path: `${DELAI}.latest.period`, from: '2019-10-31', to: '2021-06-30' },
    { path: `${DELAI}.latest.value`, from: 28, to: 18 },
    { path: `${DELAI}.progress.raw`, from: 10, to: (100 * -12) / -18 },
    { path: `${DELAI}.progress.shown`, from: 10, to: (100 * -12) / -18 },
    { path: `${DELAI}.target.by`, from: '2021-12-31', to: '2022-06-30' },
    { path: `${DELAI}.target.value`, from: 10, to: 12 },
    { path: `${HUBEE}.planVersion`, from: 1, to: 2 },
    { path: `${VITAM}.closedOn`, from: null, to: '2021-06-30' },
    { path: `${VITAM}.health`, from: 'green', to: null },
    { path: `${VITAM}.milestones.reached`, from: 0, to: 1 },
    { path: `${VITAM}.outcome`, from: null, to: 'completed' },
    { path: `${VITAM}.status`, from: 'active', to: 'closed' },
    { path: `${FC}.health`, from: 'green', to: 'red' },
    { path: `${USAGERS}.expectedProgress`, from: elapsed(318, 1460), to: elapsed(934, 1460) },
    { path: `${USAGERS}.latest.period`, from: '2019-09-30', to: '2021-06-30' },
    { path: `${USAGERS}.latest.value`, from: 15, to: 27 },
    { path: `${USAGERS}.progress.raw`, from: 25, to: 85 },
    { path: `${USAGERS}.progress.shown`, from: 25, to: 85 },
    { path: `${FC}.milestones.overdue`, from: 0, to: 1 },
    { path: 'totals.closed', from: 0, to: 1 },
    { path: 'totals.completed', from: 0, to: 1 },
    { path: 'totals.health.green', from: 2, to: 1 },
    { path: 'totals.health.red', from: 0, to: 1 },
    { path: 'totals.milestones.overdue', from: 0, to: 1 },
    { path: 'totals.milestones.reached', from: 1, to: 2 },
    { path: 'totals.projects', from: 3, to: 4 },
  ],
};
