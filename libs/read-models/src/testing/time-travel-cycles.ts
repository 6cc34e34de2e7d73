// Test support: the review cycles of the time-travel scenario (time-travel-scenario.ts) as their reports and diffs show
// them, worked out by hand like the portfolios they compare (time-travel-documents.ts).
import type { StoredEvent } from '@portfolio/event-store';
import type { ReviewCycleSummary } from '../queries/cycles-known-at';
import type { CycleChanges } from '../queries/review-cycle-report';
import { apiParticulier, elapsed } from './time-travel-documents';
import { citp4NamedAsFirst, citp5NamedAgainstCitp4, citp6NamedAgainstCitp5 } from './time-travel-named-changes';
import { citp4, citp5, citp6, type Review } from './time-travel-scenario';

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

/** What CITP 4 saw as new: everything, being the first. */
export const citp4Changes: CycleChanges = { since: null, until: '2019-11-15', ...citp4NamedAsFirst };

/** What changed from CITP 4 to CITP 5, each as its committee knew the portfolio. */
export const citp5Changes: CycleChanges = { since: '2019-11-15', until: '2021-02-05', ...citp5NamedAgainstCitp4 };

/** From CITP 5 to CITP 6: the redesign, the closure, and the moves from the values CITP 5 knew (24, not 25). */
export const citp6Changes: CycleChanges = { since: '2021-02-05', until: '2021-07-23', ...citp6NamedAgainstCitp5 };

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
    { path: `${DELAI}.progress.shown`, from: 50, to: 66.67 }, // 66.666…, shown to two decimals
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
    { path: `${DELAI}.progress.shown`, from: 10, to: 66.67 }, // 66.666…, shown to two decimals
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
