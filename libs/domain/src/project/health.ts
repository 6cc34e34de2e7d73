import { daysBetween, type IsoDate } from '../shared/iso-date';
import { latestValue } from './measurements';
import { isTargeted } from './plan';
import { expectedProgress, progressTowardTarget } from './progress';
import type { MilestoneState, ProjectState } from './project-state';

/** RAG colour of an active project at a date (ARCHITECTURE §7). */
export type Health = 'green' | 'amber' | 'red';

/** Overdue days past which a milestone turns its project red. */
export const RED_OVERDUE_DAYS = 90;

/** Days a milestone not yet reached is past due at `on`; 0 when reached (lateness then lives in `daysLate`) or not yet due. */
export function milestoneOverdueDays(milestone: MilestoneState, on: IsoDate): number {
  return milestone.reachedOn === undefined ? Math.max(0, daysBetween(milestone.dueOn, on)) : 0;
}

/**
 * Red when a milestone is more than RED_OVERDUE_DAYS overdue or an indicator's progress is under half the progress
 * expected by `on`; amber when a milestone is overdue or an indicator's progress is under what is expected; green
 * otherwise. Progress is the shown (capped) one. Only live indicators with a target and a national value count: one not
 * yet measured has nothing to say, a retired one no longer does, and a monitored series (no target) has no progress to
 * fall behind on. A project not launched, or closed, has no colour.
 */
export function projectHealth(project: ProjectState, on: IsoDate): Health | null {
  if (project.status !== 'active') return null;
  const overdueDays = Object.values(project.milestones).map((milestone) => milestoneOverdueDays(milestone, on));
  const indicators = Object.values(project.indicators).flatMap((indicator) => {
    if (indicator.retired || !isTargeted(indicator)) return [];
    const latest = latestValue(project.measurements, indicator.indicatorId);
    if (latest === undefined) return [];
    const progress = progressTowardTarget(indicator, latest.value).shown;
    return [{ progress, expected: expectedProgress(indicator, on) }];
  });
  if (overdueDays.some((days) => days > RED_OVERDUE_DAYS) || indicators.some((i) => i.progress < i.expected / 2)) {
    return 'red';
  }
  if (overdueDays.some((days) => days > 0) || indicators.some((i) => i.progress < i.expected)) return 'amber';
  return 'green';
}
