// Test support: the rates an indicator's document shows when measured from its latest national value, worked out by
// hand: the global rate shown to two decimals within [0, 100], the annual one missing for want of an annual target.
import type { TargetedIndicator } from '@portfolio/domain';
import type { IndicatorRates, IndicatorView, LatestValue } from '../views/documents';

const NO_ANNUAL_TARGET = 'no annual target (VCA): neither the plan nor the synthesis gives one';
const NO_CURRENT_VALUE = 'no current value (VA): no national value is known, and no release published one';

/** A percentage as shown: within [0, 100], to two decimals. */
export const shown = (raw: number): number => Math.round(100 * Math.min(100, Math.max(0, raw))) / 100;

/** `progress` and `rates` of a targeted indicator whose latest national value gives the global rate `raw`. */
export function measuredProgress(
  indicator: TargetedIndicator,
  latest: LatestValue | null,
  raw: number | null,
): Pick<IndicatorView, 'progress' | 'rates'> {
  if (latest === null || raw === null) {
    const rates: IndicatorRates = {
      global: null,
      annual: null,
      unavailable: { global: NO_CURRENT_VALUE, annual: NO_CURRENT_VALUE },
    };
    return { progress: null, rates };
  }
  const uses = {
    initial: { value: indicator.baseline.value, on: indicator.baseline.on, from: 'plan' as const },
    current: { value: latest.value, on: latest.period, from: 'measurements' as const },
    target: { value: indicator.target.value, on: indicator.target.by, from: 'plan' as const },
  };
  return {
    progress: { raw, shown: shown(raw) },
    rates: {
      global: { percent: shown(raw), raw, uses },
      annual: null,
      unavailable: { global: null, annual: NO_ANNUAL_TARGET },
    },
  };
}
