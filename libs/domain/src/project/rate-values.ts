import type { IsoDate } from '../shared/iso-date';
import type { NationalFromTerritories } from './plan';
import type { PublishedCurrentValue } from './project-state';

// The values a rate is computed from (VI, VA, VC, VCA), each with its date and where it was taken from.

/**
 * Where a value a rate uses was taken from: the indicator's plan (its baseline and target), the release's synthesis
 * (its published VI, VA, VC or VCA), or the measurements (the latest value recorded).
 */
export type RateValueSource = 'plan' | 'synthesis' | 'measurements';

/** One of the values a rate is computed from, with its date (observed for VI and VA, due for a target). */
export interface RateValue {
  readonly value: number;
  readonly on: IsoDate;
  readonly from: RateValueSource;
  /** Present when the value was made from territorial ones: how, and from how many territories. */
  readonly aggregated?: NationalFromTerritories & { readonly territories: number };
}

/** What a basis is made from: the values found, before the plan fills in VI and VC. */
export interface FoundValues {
  readonly initial?: RateValue;
  readonly current?: RateValue;
  readonly target?: RateValue;
  readonly annualTarget?: RateValue;
}

/** VA as a release published it, with the VI, VC and VCA it published beside it. */
export function publishedValues(published: PublishedCurrentValue): FoundValues {
  const { against } = published;
  return {
    current: { value: published.value, on: published.period, from: 'synthesis' },
    initial: dated(against?.initial, 'synthesis'),
    target: due(against?.target, 'synthesis'),
    annualTarget: due(against?.annualTarget, 'synthesis'),
  };
}

export function dated(
  value: { readonly value: number; readonly on: IsoDate } | undefined,
  from: RateValueSource,
): RateValue | undefined {
  return value === undefined ? undefined : { value: value.value, on: value.on, from };
}

export function due(
  value: { readonly value: number; readonly by: IsoDate } | undefined,
  from: RateValueSource,
): RateValue | undefined {
  return value === undefined ? undefined : { value: value.value, on: value.by, from };
}
