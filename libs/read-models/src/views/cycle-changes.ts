import { latestValue, type LaunchedProject } from '@portfolio/domain';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import type { LatestValue } from './documents';

/** What changed between two review cycles, as a committee reads it. */
export interface CycleChanges {
  /** The previous cycle's date, or null for the first cycle (then everything counts as new). */
  readonly since: string | null;
  readonly until: string;
  readonly launched: readonly { readonly projectId: string; readonly title: string; readonly launchedOn: string }[];
  readonly milestonesReached: readonly {
    readonly projectId: string;
    readonly milestoneId: string;
    readonly reachedOn: string;
    readonly daysLate: number;
  }[];
  readonly redesigned: readonly {
    readonly projectId: string;
    readonly fromPlanVersion: number;
    readonly toPlanVersion: number;
  }[];
  readonly closed: readonly { readonly projectId: string; readonly outcome: string; readonly closedOn: string }[];
  readonly indicatorMoves: readonly {
    readonly projectId: string;
    readonly indicatorId: string;
    readonly from: LatestValue | null;
    readonly to: LatestValue | null;
  }[];
}

function sameValue(a: LatestValue | null, b: LatestValue | null): boolean {
  return a?.value === b?.value && a?.period === b?.period;
}

/** Pure: the changes from one cycle's snapshot to the next, project by project, in project order. */
export function cycleChanges(
  before: PortfolioSnapshot,
  after: PortfolioSnapshot,
  until: string,
  since: string | null,
): CycleChanges {
  const launched: CycleChanges['launched'][number][] = [];
  const milestonesReached: CycleChanges['milestonesReached'][number][] = [];
  const redesigned: CycleChanges['redesigned'][number][] = [];
  const closed: CycleChanges['closed'][number][] = [];
  const indicatorMoves: CycleChanges['indicatorMoves'][number][] = [];
  const ids = [...after.projects.keys()].sort();
  for (const projectId of ids) {
    const now = after.projects.get(projectId) as LaunchedProject;
    const then = before.projects.get(projectId);
    if (then === undefined) launched.push({ projectId, title: now.title, launchedOn: now.launchedOn });
    for (const [milestoneId, milestone] of Object.entries(now.milestones)) {
      const earlier =
        then === undefined
          ? undefined
          : Object.hasOwn(then.milestones, milestoneId)
            ? then.milestones[milestoneId]
            : undefined;
      if (milestone.reachedOn !== undefined && earlier?.reachedOn === undefined) {
        milestonesReached.push({
          projectId,
          milestoneId,
          reachedOn: milestone.reachedOn,
          daysLate: milestone.daysLate ?? 0,
        });
      }
    }
    if (then !== undefined && now.planVersion > then.planVersion) {
      redesigned.push({ projectId, fromPlanVersion: then.planVersion, toPlanVersion: now.planVersion });
    }
    if (now.status === 'closed' && then?.status !== 'closed') {
      closed.push({ projectId, outcome: now.outcome, closedOn: now.closedOn });
    }
    for (const indicatorId of Object.keys(now.indicators).sort()) {
      const from = then === undefined ? null : (latestValue(then.measurements, indicatorId) ?? null);
      const to = latestValue(now.measurements, indicatorId) ?? null;
      if (!sameValue(from, to)) indicatorMoves.push({ projectId, indicatorId, from, to });
    }
  }
  return { since, until, launched, milestonesReached, redesigned, closed, indicatorMoves };
}
