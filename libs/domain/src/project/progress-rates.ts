import type { IndicatorId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { own } from '../shared/own';
import { NATIONAL_TERRITORY, territoryKey } from '../shared/territory';
import { latestValue } from './measurements';
import type { IndicatorDirection, TargetedIndicator } from './plan';
import { capped, rawProgress } from './progress';
import type { LaunchedProjectFacts } from './project-state';

// The taux d'avancement as PILOTE computes them (public source: DITP-pilotage/pilote-2, the dbt models of its data
// pipeline: the compute_ta macro, df3/4_compute/compute_ta_indic.sql, df3/2_aggregation/agg_nat.sql, and the
// ta_decimales variable of dbt_project.yml). From the initial value VI, the current value VA, the final target VC and
// the current year's target VCA:
// - the global rate (TAG) is 100 × (VA − VI) / (VC − VI), the annual rate (TAA) 100 × (VA − VI) / (VCA − VI);
// - a target that is not beyond VI in the indicator's direction (tendance HAUSSE or BAISSE) is all or nothing:
//   100 when VA is at the target or beyond it in that direction, 0 otherwise;
// - the result is rounded to two decimals, then bounded to [0, 100];
// - a national VI, VA or VC may be aggregated from the regions' or the départements' values, by sum or by (unweighted)
//   average, as each indicator's settings say.

/** Where a value a rate uses was taken from: the indicator's plan (its baseline and targets), the release's synthesis
 * (the current value it published), or the measurements (the latest national value recorded). */
export type RateValueSource = 'plan' | 'synthesis' | 'measurements';

/** One of the values a rate is computed from, with its date (observed for VI and VA, due for a target). */
export interface RateValue {
  readonly value: number;
  readonly on: IsoDate;
  readonly from: RateValueSource;
}

/** The values a rate used: VI, VA and the target it is measured against (VC for the global rate, VCA for the annual one). */
export interface RateUses {
  readonly initial: RateValue;
  readonly current: RateValue;
  readonly target: RateValue;
}

export interface Rate {
  /** 100 × (VA − VI) / (target − VI), neither rounded nor bounded (100 or 0 for an all-or-nothing target). */
  readonly raw: number;
  /** The rate as PILOTE shows it: rounded to two decimals, then bounded to [0, 100]. */
  readonly percent: number;
  readonly uses: RateUses;
}

/** A rate that cannot be computed, and why. */
export interface RateUnavailable {
  readonly reason: string;
}

/** VI, VA and a target, without their dates: what a territory contributes to a national rate. */
export interface RateInputs {
  readonly initial: number;
  readonly current: number;
  readonly target: number;
}

/** How territorial values make a national one: PILOTE's `sum` (counts) or `avg` (an unweighted mean, for shares). */
export type TerritorialAggregation = 'sum' | 'average';

/**
 * VA: the current value the release's synthesis published when there is one (the figure the Baromètre's percentage is
 * computed from, which may be a cumulated or yearly total unlike the detail's periods), else the latest national value.
 */
export function currentValue(
  published: { readonly value: number; readonly period: IsoDate } | undefined,
  latest: { readonly value: number; readonly period: IsoDate } | undefined,
): RateValue | undefined {
  if (published !== undefined) return { value: published.value, on: published.period, from: 'synthesis' };
  if (latest !== undefined) return { value: latest.value, on: latest.period, from: 'measurements' };
  return undefined;
}

/** A project's national VA for an indicator: its last published current value, else its latest national value. */
export function nationalCurrentValue(
  project: Pick<LaunchedProjectFacts, 'measurements' | 'publishedCurrent'>,
  indicatorId: IndicatorId,
): RateValue | undefined {
  const published = own(own(project.publishedCurrent, indicatorId) ?? {}, territoryKey(NATIONAL_TERRITORY));
  return currentValue(published, latestValue(project.measurements, indicatorId));
}

/** The global rate (TAG): from the indicator's baseline (VI) toward its final target (VC). */
export function globalRate(indicator: TargetedIndicator, current: RateValue): Rate {
  return rateAgainst(indicator, current, { value: indicator.target.value, on: indicator.target.by, from: 'plan' });
}

/**
 * The annual rate (TAA): from the indicator's baseline (VI) toward the target of the current year (VCA). Unavailable
 * without one: the plan holds a final target only, and the Baromètre's syntheses publish no annual target column.
 */
export function annualRate(
  indicator: TargetedIndicator,
  current: RateValue,
  annualTarget: RateValue | undefined,
): Rate | RateUnavailable {
  if (annualTarget === undefined) {
    return { reason: 'no annual target (VCA): the plan and the synthesis give only the final target (VC)' };
  }
  return rateAgainst(indicator, current, annualTarget);
}

/** The rate of VI, VA and a target in the indicator's direction: raw, and shown as PILOTE shows it. */
export function progressRate(
  direction: IndicatorDirection,
  values: RateInputs,
): { readonly raw: number; readonly percent: number } {
  const raw = rawProgress(direction, values);
  return { raw, percent: shownLikePilote(raw) };
}

/**
 * A national rate from territorial values: VI, VA and VC each summed or averaged over the territories, as PILOTE
 * aggregates an indicator whose national values come from its regions or départements, then the rate of the result.
 */
export function territorialRate(
  direction: IndicatorDirection,
  territories: readonly RateInputs[],
  aggregation: TerritorialAggregation,
): { readonly raw: number; readonly percent: number; readonly national: RateInputs } {
  if (territories.length === 0) throw new RangeError('a national rate needs the values of at least one territory');
  const total = (pick: (values: RateInputs) => number) => {
    const sum = territories.reduce((acc, values) => acc + pick(values), 0);
    return aggregation === 'sum' ? sum : sum / territories.length;
  };
  const national = {
    initial: total((v) => v.initial),
    current: total((v) => v.current),
    target: total((v) => v.target),
  };
  const raw = rawProgress(direction, national);
  return { raw, percent: shownLikePilote(raw), national };
}

function rateAgainst(indicator: TargetedIndicator, current: RateValue, target: RateValue): Rate {
  const initial: RateValue = { value: indicator.baseline.value, on: indicator.baseline.on, from: 'plan' };
  const values = { initial: initial.value, current: current.value, target: target.value };
  return { ...progressRate(indicator.direction, values), uses: { initial, current, target } };
}

/** Rounded to two decimals (half away from zero, as PostgreSQL rounds a numeric), then bounded to [0, 100]. */
function shownLikePilote(raw: number): number {
  return capped((Math.sign(raw) * Math.round(Math.abs(raw) * 100)) / 100);
}
