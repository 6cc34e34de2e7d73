import type { IndicatorId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { own } from '../shared/own';
import type { NationalFromTerritories, TerritorialAggregation } from './plan';
import type { LaunchedProjectFacts, PublishedCurrentValue } from './project-state';
import type { FoundValues, RateValue, RateValueSource } from './rate-values';

// An indicator's national values made from its territories' when none is known nationally, as PILOTE's data pipeline
// makes them (faits_indicateur_national.sql): each kind of value (VI, VA, VC, VCA) summed or averaged, without
// weights, over the regions or départements that have it, for the indicators that have no national value at all.

/** A sum, or an unweighted mean, of territorial values. */
export function aggregated(values: readonly number[], aggregation: TerritorialAggregation): number {
  const sum = values.reduce((acc, value) => acc + value, 0);
  return aggregation === 'sum' ? sum : sum / values.length;
}

/**
 * The values the territories at the indicator's level give: the current values releases published for them, with
 * the VI, VC and VCA published beside them when every one of those territories has it; else the latest period any of
 * them was measured for, over the territories measured for it. Empty when no territory has a value.
 */
export function valuesFromTerritories(
  project: Pick<LaunchedProjectFacts, 'measurements' | 'publishedCurrent'>,
  indicatorId: IndicatorId,
  nationalFrom: NationalFromTerritories,
): FoundValues {
  const prefix = `${nationalFrom.level}:`;
  const atLevel = <V>(byTerritory: Readonly<Record<string, V>>) =>
    Object.entries(byTerritory)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value);
  const published = atLevel(own(project.publishedCurrent, indicatorId) ?? {});
  if (published.length > 0) return fromPublished(published, nationalFrom);
  return fromMeasured(atLevel(own(project.measurements, indicatorId) ?? {}), nationalFrom);
}

function fromPublished(published: readonly PublishedCurrentValue[], how: NationalFromTerritories): FoundValues {
  const all = <T>(pick: (value: PublishedCurrentValue) => T | undefined): T[] | undefined => {
    const picked = published.map(pick);
    return picked.every((value) => value !== undefined) ? (picked as T[]) : undefined;
  };
  const current = published.map(({ value, period }) => ({ value, on: period }));
  const initial = all((p) => p.against?.initial);
  const target = all((p) => p.against?.target);
  const annualTarget = all((p) => p.against?.annualTarget);
  return {
    current: total(current, how, 'synthesis', 'latest'),
    initial: initial && total(initial, how, 'synthesis', 'earliest'),
    target:
      target &&
      total(
        target.map(({ value, by }) => ({ value, on: by })),
        how,
        'synthesis',
        'latest',
      ),
    annualTarget:
      annualTarget &&
      total(
        annualTarget.map(({ value, by }) => ({ value, on: by })),
        how,
        'synthesis',
        'latest',
      ),
  };
}

function fromMeasured(series: readonly Readonly<Record<IsoDate, number>>[], how: NationalFromTerritories): FoundValues {
  // ISO dates order as strings.
  const period = series
    .flatMap(Object.keys)
    .reduce<IsoDate | undefined>((p, q) => (p === undefined || q > p ? q : p), undefined);
  if (period === undefined) return {};
  const values = series.flatMap((byPeriod) => {
    const value = own(byPeriod, period);
    return value === undefined ? [] : [{ value, on: period }];
  });
  return { current: total(values, how, 'measurements', 'latest') };
}

/** The values summed or averaged, dated by the earliest or the latest of their dates. */
function total(
  values: readonly { readonly value: number; readonly on: IsoDate }[],
  how: NationalFromTerritories,
  from: RateValueSource,
  dating: 'earliest' | 'latest',
): RateValue {
  const dates = values.map(({ on }) => on).sort();
  return {
    value: aggregated(
      values.map(({ value }) => value),
      how.aggregation,
    ),
    on: dating === 'earliest' ? dates[0] : dates[dates.length - 1],
    from,
    aggregated: { ...how, territories: values.length },
  };
}
