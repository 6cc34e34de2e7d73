import type { IndicatorId, MilestoneId } from '../shared/ids';
import { daysBetween, type IsoDate } from '../shared/iso-date';
import { isTargeted } from './plan';
import { expectedProgress } from './progress';
import { globalRate, nationalRateBasis } from './progress-rates';
import type { MilestoneState, ProjectState } from './project-state';

/** RAG colour of an active project at a date (ARCHITECTURE §7). */
export type Health = 'green' | 'amber' | 'red';

/** Overdue days past which a milestone turns its project red. */
export const RED_OVERDUE_DAYS = 90;

/** Why a project is not green: one milestone overdue or one indicator behind, and the colour it alone gives. */
export type HealthReason =
  | {
      readonly kind: 'milestone_overdue';
      readonly milestoneId: MilestoneId;
      readonly overdueDays: number;
      readonly colour: 'amber' | 'red';
    }
  | {
      readonly kind: 'indicator_behind';
      readonly indicatorId: IndicatorId;
      /** Shown (capped) progress, in percent. */
      readonly progress: number;
      readonly expectedProgress: number;
      readonly colour: 'amber' | 'red';
    };

/** A project's colour and every reason for it; a green project has none. */
export interface HealthAssessment {
  readonly health: Health;
  readonly reasons: readonly HealthReason[];
}

/** Days a milestone not yet reached is past due at `on`; 0 when reached (lateness then lives in `daysLate`) or not yet due. */
export function milestoneOverdueDays(milestone: MilestoneState, on: IsoDate): number {
  return milestone.reachedOn === undefined ? Math.max(0, daysBetween(milestone.dueOn, on)) : 0;
}

/**
 * Red when a milestone is more than RED_OVERDUE_DAYS overdue or an indicator's progress is under half the progress
 * expected by `on`; amber when a milestone is overdue or an indicator's progress is under what is expected; green
 * otherwise. Progress is the global rate as shown (progress-rates). Only live indicators with a target and a national value count: one not
 * yet measured has nothing to say, a retired one no longer does, and a monitored series (no target) has no progress to
 * fall behind on. A project not launched, or closed, has no colour. Reasons come in milestone then indicator id order.
 */
export function assessHealth(project: ProjectState, on: IsoDate): HealthAssessment | null {
  if (project.status !== 'active') return null;
  const reasons: HealthReason[] = [];
  for (const [milestoneId, milestone] of Object.entries(project.milestones).sort(byKey)) {
    const overdueDays = milestoneOverdueDays(milestone, on);
    if (overdueDays > 0) {
      reasons.push({
        kind: 'milestone_overdue',
        milestoneId,
        overdueDays,
        colour: overdueDays > RED_OVERDUE_DAYS ? 'red' : 'amber',
      });
    }
  }
  for (const [indicatorId, indicator] of Object.entries(project.indicators).sort(byKey)) {
    if (indicator.retired || !isTargeted(indicator)) continue;
    const basis = nationalRateBasis(project, indicator);
    if ('reason' in basis) continue;
    const progress = globalRate(basis).percent;
    const expected = expectedProgress(indicator, on);
    if (progress < expected) {
      const colour = progress < expected / 2 ? 'red' : 'amber';
      reasons.push({ kind: 'indicator_behind', indicatorId, progress, expectedProgress: expected, colour });
    }
  }
  const health = reasons.some((r) => r.colour === 'red') ? 'red' : reasons.length > 0 ? 'amber' : 'green';
  return { health, reasons };
}

/** The colour alone (see assessHealth). */
export function projectHealth(project: ProjectState, on: IsoDate): Health | null {
  return assessHealth(project, on)?.health ?? null;
}

// Code-unit order, the same on every machine.
function byKey([a]: readonly [string, unknown], [b]: readonly [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
