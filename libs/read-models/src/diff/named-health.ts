import { assessHealth, type Health, type HealthReason, type LaunchedProject } from '@portfolio/domain';
import { PROGRESS_DECIMALS, roundTo } from './unit-precision';

/** One reason the health rule gives, with the milestone or indicator it names. */
export type NamedHealthReason =
  | {
      readonly kind: 'milestone_overdue';
      readonly milestoneId: string;
      readonly title: string;
      readonly dueOn: string;
      readonly overdueDays: number;
      readonly colour: 'amber' | 'red';
    }
  | {
      readonly kind: 'indicator_behind';
      readonly indicatorId: string;
      readonly label: string;
      /** Progress toward target and progress expected by then, in percent to one decimal. */
      readonly progress: number;
      readonly expectedProgress: number;
      readonly colour: 'amber' | 'red';
    };

/** An active project whose colour changed, with why it is what it is now and why it was what it was. */
export interface HealthChange {
  readonly projectId: string;
  readonly projectTitle: string;
  readonly from: Health;
  readonly to: Health;
  /** The rule's reasons on the later side: empty when it turned green. */
  readonly reasons: readonly NamedHealthReason[];
  readonly previousReasons: readonly NamedHealthReason[];
}

/** The health change of a project active on both sides, if its colour differs; closures are told apart. */
export function healthChange(
  before: LaunchedProject,
  beforeAt: string,
  after: LaunchedProject,
  afterAt: string,
): HealthChange | undefined {
  const then = assessHealth(before, beforeAt);
  const now = assessHealth(after, afterAt);
  if (then === null || now === null || then.health === now.health) return undefined;
  return {
    projectId: after.projectId,
    projectTitle: after.title,
    from: then.health,
    to: now.health,
    reasons: now.reasons.map((reason) => named(reason, after)),
    previousReasons: then.reasons.map((reason) => named(reason, before)),
  };
}

function named(reason: HealthReason, project: LaunchedProject): NamedHealthReason {
  if (reason.kind === 'milestone_overdue') {
    const { milestoneId, overdueDays, colour } = reason;
    const { title, dueOn } = project.milestones[milestoneId];
    return { kind: reason.kind, milestoneId, title, dueOn, overdueDays, colour };
  }
  return {
    kind: reason.kind,
    indicatorId: reason.indicatorId,
    label: project.indicators[reason.indicatorId].label,
    progress: roundTo(reason.progress, PROGRESS_DECIMALS),
    expectedProgress: roundTo(reason.expectedProgress, PROGRESS_DECIMALS),
    colour: reason.colour,
  };
}
