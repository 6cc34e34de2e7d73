import { own } from '../shared/own';
import { NATIONAL_TERRITORY, territoryKey, type TerritoryKey } from '../shared/territory';
import { valuesFromTerritories } from './national-from-territories';
import { dated, due, publishedValues, type FoundValues, type RateValue } from './rate-values';
import { latestValue } from './measurements';
import type { IndicatorDefinition, IndicatorDirection } from './plan';
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

/**
 * What an indicator's national rates are computed from: VI, VA, VC and VCA, each from the release's synthesis when it
 * published one, else VI and VC from the plan, VA from the latest national value (VCA has no other source), and the
 * direction of the plan, or, for a series the plan gives none, the one the published VI and VC imply.
 */
export interface RateBasis {
  readonly direction: IndicatorDirection;
  readonly initial: RateValue;
  readonly current: RateValue;
  readonly target: RateValue;
  readonly annualTarget?: RateValue;
}

/**
 * The national rate basis of an indicator of the project, or why its rates cannot be computed. An indicator with no
 * national value, measured or published, takes its regions' or départements' when its plan says so (nationalFrom).
 */
export function nationalRateBasis(
  project: Pick<LaunchedProjectFacts, 'measurements' | 'publishedCurrent'>,
  indicator: IndicatorDefinition,
): RateBasis | RateUnavailable {
  const found =
    nationalValues(project, indicator.indicatorId) ??
    (indicator.nationalFrom === undefined
      ? {}
      : valuesFromTerritories(project, indicator.indicatorId, indicator.nationalFrom));
  const basis = completed(indicator, {
    initial: found.initial ?? dated(indicator.baseline, 'plan'),
    current: found.current,
    target: found.target ?? due(indicator.target, 'plan'),
    annualTarget: found.annualTarget ?? (found.current && annualTargetOf(indicator, found.current.on)),
  });
  if ('reason' in basis && found.current === undefined && indicator.nationalFrom !== undefined) {
    const { level } = indicator.nationalFrom;
    return { reason: `${basis.reason}, nor any ${level === 'region' ? 'region' : 'département'}` };
  }
  return basis;
}

/**
 * The rate basis of one territory of the indicator, from the current value a release published for it and the VI and
 * VC published with it (a territory has its own targets; the plan's are national), in the indicator's direction.
 */
export function territoryRateBasis(
  project: Pick<LaunchedProjectFacts, 'publishedCurrent'>,
  indicator: IndicatorDefinition,
  territory: TerritoryKey,
): RateBasis | RateUnavailable {
  const published = own(own(project.publishedCurrent, indicator.indicatorId) ?? {}, territory);
  return completed(indicator, published === undefined ? {} : publishedValues(published));
}

/** The national values of the indicator, the release's published ones first; undefined when none is known. */
function nationalValues(
  project: Pick<LaunchedProjectFacts, 'measurements' | 'publishedCurrent'>,
  indicatorId: string,
): FoundValues | undefined {
  const published = own(own(project.publishedCurrent, indicatorId) ?? {}, territoryKey(NATIONAL_TERRITORY));
  if (published !== undefined) return publishedValues(published);
  const latest = latestValue(project.measurements, indicatorId);
  return latest === undefined
    ? undefined
    : { current: { value: latest.value, on: latest.period, from: 'measurements' } };
}

/** The plan's target for the year of `on`, if it set one. */
function annualTargetOf(indicator: IndicatorDefinition, on: string): RateValue | undefined {
  return due(
    indicator.annualTargets?.find(({ by }) => by.slice(0, 4) === on.slice(0, 4)),
    'plan',
  );
}

/** A basis from the values found, or the first one missing; the direction is the plan's, else the one VI and VC imply. */
function completed(indicator: IndicatorDefinition, found: FoundValues): RateBasis | RateUnavailable {
  const { initial, current, target, annualTarget } = found;
  if (current === undefined)
    return { reason: 'no current value (VA): no national value is known, and no release published one' };
  if (initial === undefined) return { reason: 'no initial value (VI): neither the plan nor the synthesis gives one' };
  if (target === undefined) return { reason: 'no target (VC): neither the plan nor the synthesis gives one' };
  const direction = indicator.direction ?? (target.value < initial.value ? 'decrease' : 'increase');
  return { direction, initial, current, target, ...(annualTarget === undefined ? {} : { annualTarget }) };
}

/** The global rate (TAG): from VI toward the final target VC. */
export function globalRate(basis: RateBasis): Rate {
  return rateToward(basis, basis.target);
}

/**
 * The annual rate (TAA): from VI toward the target of VA's year (VCA), the synthesis's or the plan's. Unavailable
 * without one: the Baromètre's shipped syntheses publish no annual target column.
 */
export function annualRate(basis: RateBasis): Rate | RateUnavailable {
  if (basis.annualTarget === undefined) {
    return { reason: 'no annual target (VCA): neither the plan nor the synthesis gives one' };
  }
  return rateToward(basis, basis.annualTarget);
}

/** The rate of VI, VA and a target in the indicator's direction: raw, and shown as PILOTE shows it. */
export function progressRate(
  direction: IndicatorDirection,
  values: RateInputs,
): { readonly raw: number; readonly percent: number } {
  const raw = rawProgress(direction, values);
  return { raw, percent: shownLikePilote(raw) };
}

function rateToward(basis: RateBasis, target: RateValue): Rate {
  const { initial, current } = basis;
  const values = { initial: initial.value, current: current.value, target: target.value };
  return { ...progressRate(basis.direction, values), uses: { initial, current, target } };
}

/** Rounded to two decimals (half away from zero, as PostgreSQL rounds a numeric), then bounded to [0, 100]. */
function shownLikePilote(raw: number): number {
  return capped((Math.sign(raw) * Math.round(Math.abs(raw) * 100)) / 100);
}
