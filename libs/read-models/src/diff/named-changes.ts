import { latestValue, type LaunchedProject, type ProjectOutcome, type ProjectRedesigned } from '@portfolio/domain';
import { compareKeys } from '../queries/paging';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import type { LatestValue } from '../views/documents';
import { healthChange, type HealthChange } from './named-health';
import { roundTo, unitPrecision } from './unit-precision';

/** One side of a named diff: the portfolio, and the business date its health and lateness are judged at. */
export interface NamedSide {
  readonly snapshot: PortfolioSnapshot;
  readonly at: string;
}

/** The project a change belongs to, by id and title. */
interface OfProject {
  readonly projectId: string;
  readonly projectTitle: string;
}

interface NamedMilestone extends OfProject {
  readonly milestoneId: string;
  readonly title: string;
  readonly dueOn: string;
}

/** An indicator's latest national value on each side, rounded to its unit's precision (see unitPrecision). */
export interface IndicatorMove extends OfProject {
  readonly indicatorId: string;
  readonly label: string;
  readonly unit: string;
  /** Decimal places of `before`, `after` and `delta`. */
  readonly decimals: number;
  readonly before: LatestValue | null;
  readonly after: LatestValue | null;
  /** after − before, null when either side has no value. */
  readonly delta: number | null;
}

/** What changed from one portfolio to another, named as a reviewer reads it; each list in project id order. */
export interface NamedChanges {
  readonly launched: readonly {
    readonly projectId: string;
    readonly missionCode: string;
    readonly title: string;
    readonly launchedOn: string;
  }[];
  /** Projects the first side knew and the second does not (a later side never forgets one; an earlier one may). */
  readonly withdrawn: readonly { readonly projectId: string; readonly missionCode: string; readonly title: string }[];
  readonly closed: readonly (OfProject & {
    readonly outcome: ProjectOutcome;
    readonly closedOn: string;
    readonly note: string;
  })[];
  readonly redesigned: readonly (OfProject & {
    readonly planVersion: number;
    readonly decidedOn: string;
    readonly decidedBy: string | null;
    readonly reason: string;
  })[];
  readonly milestones: {
    readonly reached: readonly (NamedMilestone & { readonly reachedOn: string; readonly daysLate: number })[];
    readonly added: readonly NamedMilestone[];
    readonly removed: readonly NamedMilestone[];
    readonly rescheduled: readonly (NamedMilestone & { readonly previousDueOn: string })[];
  };
  readonly indicatorMoves: readonly IndicatorMove[];
  readonly healthChanges: readonly HealthChange[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : Mutable<T[K]> };

/** No change of any kind: what a diff starts from, filled as it finds them. */
export function noNamedChanges(): Mutable<NamedChanges> {
  return {
    launched: [],
    withdrawn: [],
    closed: [],
    redesigned: [],
    milestones: { reached: [], added: [], removed: [], rescheduled: [] },
    indicatorMoves: [],
    healthChanges: [],
  };
}

/**
 * Pure: the changes from one portfolio to another, naming each project, milestone and indicator. `redesigns` are the
 * redesigns the second side knows and the first does not (the snapshots keep only the plan they lead to, not their
 * reasons).
 */
export function namedChanges(
  before: NamedSide,
  after: NamedSide,
  redesigns: readonly ProjectRedesigned['data'][],
): NamedChanges {
  const changes = noNamedChanges();
  for (const [projectId, then] of byId(before.snapshot.projects)) {
    if (!after.snapshot.projects.has(projectId)) {
      changes.withdrawn.push({ projectId, missionCode: then.missionCode, title: then.title });
    }
  }
  for (const [projectId, now] of byId(after.snapshot.projects)) {
    const then = before.snapshot.projects.get(projectId);
    if (then === undefined) {
      changes.launched.push({ projectId, missionCode: now.missionCode, title: now.title, launchedOn: now.launchedOn });
    } else {
      planChanges(then, now, changes.milestones);
      const health = healthChange(then, before.at, now, after.at);
      if (health !== undefined) changes.healthChanges.push(health);
    }
    if (now.status === 'closed' && then?.status !== 'closed') {
      const { outcome, closedOn, note } = now;
      changes.closed.push({ projectId, projectTitle: now.title, outcome, closedOn, note });
    }
    changes.milestones.reached.push(...milestonesReached(then, now));
    changes.indicatorMoves.push(...indicatorMoves(then, now));
  }
  changes.redesigned = [...redesigns].sort(byProjectThenVersion).map((redesign) => ({
    projectId: redesign.projectId,
    projectTitle: projectTitle(after, before, redesign.projectId),
    planVersion: redesign.planVersion,
    decidedOn: redesign.decidedOn,
    decidedBy: redesign.decidedBy ?? null,
    reason: redesign.reason,
  }));
  return changes;
}

function milestonesReached(then: LaunchedProject | undefined, now: LaunchedProject) {
  return Object.entries(now.milestones)
    .filter(([milestoneId, m]) => m.reachedOn !== undefined && milestoneOf(then, milestoneId)?.reachedOn === undefined)
    .sort(byKey)
    .map(([milestoneId, m]) => ({
      ...namedMilestone(now, milestoneId),
      reachedOn: m.reachedOn as string,
      daysLate: m.daysLate ?? 0,
    }));
}

/** Milestones added, removed or moved between two plans of a project. */
function planChanges(then: LaunchedProject, now: LaunchedProject, out: Mutable<NamedChanges['milestones']>): void {
  for (const milestoneId of Object.keys(then.milestones).sort(compareKeys)) {
    if (!Object.hasOwn(now.milestones, milestoneId)) out.removed.push(namedMilestone(then, milestoneId));
  }
  for (const milestoneId of Object.keys(now.milestones).sort(compareKeys)) {
    const earlier = milestoneOf(then, milestoneId);
    if (earlier === undefined) out.added.push(namedMilestone(now, milestoneId));
    else if (earlier.dueOn !== now.milestones[milestoneId].dueOn) {
      out.rescheduled.push({ ...namedMilestone(now, milestoneId), previousDueOn: earlier.dueOn });
    }
  }
}

function indicatorMoves(then: LaunchedProject | undefined, now: LaunchedProject): IndicatorMove[] {
  return Object.keys(now.indicators)
    .sort(compareKeys)
    .flatMap((indicatorId) => {
      const before = then === undefined ? undefined : latestValue(then.measurements, indicatorId);
      const after = latestValue(now.measurements, indicatorId);
      if (before?.value === after?.value && before?.period === after?.period) return [];
      const { label, unit } = now.indicators[indicatorId];
      const { decimals } = unitPrecision(unit);
      const rounded = (latest: LatestValue | undefined) =>
        latest === undefined ? null : { value: roundTo(latest.value, decimals), period: latest.period };
      const delta = before === undefined || after === undefined ? null : roundTo(after.value - before.value, decimals);
      const move: IndicatorMove = {
        projectId: now.projectId,
        projectTitle: now.title,
        indicatorId,
        label,
        unit,
        decimals,
        before: rounded(before),
        after: rounded(after),
        delta,
      };
      return [move];
    });
}

function namedMilestone(project: LaunchedProject, milestoneId: string): NamedMilestone {
  const { title, dueOn } = project.milestones[milestoneId];
  return { projectId: project.projectId, projectTitle: project.title, milestoneId, title, dueOn };
}

function milestoneOf(project: LaunchedProject | undefined, milestoneId: string) {
  return project !== undefined && Object.hasOwn(project.milestones, milestoneId)
    ? project.milestones[milestoneId]
    : undefined;
}

/** A redesign's project is launched on the side that knows the redesign. */
function projectTitle(after: NamedSide, before: NamedSide, projectId: string): string {
  return (after.snapshot.projects.get(projectId) ?? before.snapshot.projects.get(projectId))?.title ?? projectId;
}

function byId(projects: ReadonlyMap<string, LaunchedProject>): [string, LaunchedProject][] {
  return [...projects.entries()].sort(byKey);
}

function byKey([a]: readonly [string, unknown], [b]: readonly [string, unknown]): number {
  return compareKeys(a, b);
}

function byProjectThenVersion(a: ProjectRedesigned['data'], b: ProjectRedesigned['data']): number {
  return compareKeys(a.projectId, b.projectId) || a.planVersion - b.planVersion;
}
