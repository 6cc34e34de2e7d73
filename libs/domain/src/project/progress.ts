import { daysBetween, type IsoDate } from '../shared/iso-date';
import type { IndicatorDirection, TargetedIndicator } from './plan';

/** Advance of an indicator from its baseline toward its target, in percent: `raw` as computed, `shown` within [0, 100]. */
export interface Progress {
  readonly raw: number;
  readonly shown: number;
}

/**
 * (latest − baseline) / (target − baseline) × 100 (ARCHITECTURE §7). The ratio works the same for an indicator meant to
 * decrease (target below baseline). A target equal to its baseline means "hold the line": 100 while the latest value is
 * at the target or beyond it in the indicator's direction, 0 otherwise.
 */
export function progressTowardTarget(indicator: TargetedIndicator, latest: number): Progress {
  const raw = rawProgress(indicator.direction, {
    initial: indicator.baseline.value,
    current: latest,
    target: indicator.target.value,
  });
  return { raw, shown: capped(raw) };
}

/**
 * 100 × (current − initial) / (target − initial), unbounded. A target that is not beyond the initial value in the
 * indicator's direction (equal to it, or behind it, as a region's target may be) is all or nothing, as PILOTE computes
 * it: 100 while the current value is at the target or beyond it in that direction, 0 otherwise.
 */
export function rawProgress(
  direction: IndicatorDirection,
  values: { readonly initial: number; readonly current: number; readonly target: number },
): number {
  const { initial, current, target } = values;
  const targetAhead = direction === 'increase' ? target > initial : target < initial;
  if (!targetAhead) return holdsTheLine(direction, current, target);
  return (100 * (current - initial)) / (target - initial);
}

/**
 * Share of the time from baseline to target elapsed at `on`, in percent within [0, 100]: how far the indicator should
 * be by then on a straight line. A target not due after its baseline (refused by decide) is expected in full from its date.
 */
export function expectedProgress(indicator: TargetedIndicator, on: IsoDate): number {
  const span = daysBetween(indicator.baseline.on, indicator.target.by);
  if (span <= 0) return on >= indicator.target.by ? 100 : 0;
  return capped((100 * daysBetween(indicator.baseline.on, on)) / span);
}

function holdsTheLine(direction: IndicatorDirection, latest: number, target: number): number {
  return (direction === 'increase' ? latest >= target : latest <= target) ? 100 : 0;
}

export function capped(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
