import type { IndicatorId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { own } from '../shared/own';
import { NATIONAL_TERRITORY, territoryKey, type Territory } from '../shared/territory';
import type { Measurements, PublishedCurrentValue } from './project-state';

/** The value known for one indicator, territory and period, if any (after restatements). */
export function knownValue(
  measurements: Measurements,
  indicatorId: IndicatorId,
  territory: Territory,
  period: IsoDate,
): number | undefined {
  const byPeriod = own(own(measurements, indicatorId) ?? {}, territoryKey(territory));
  return byPeriod === undefined ? undefined : own(byPeriod, period);
}

/** The value of the latest period known for an indicator in a territory, by default the national figure (§7). */
export function latestValue(
  measurements: Measurements,
  indicatorId: IndicatorId,
  territory: Territory = NATIONAL_TERRITORY,
): { readonly period: IsoDate; readonly value: number } | undefined {
  const byPeriod = own(own(measurements, indicatorId) ?? {}, territoryKey(territory)) ?? {};
  // ISO dates order as strings.
  const period = Object.keys(byPeriod).reduce<IsoDate | undefined>(
    (latest, p) => (latest === undefined || p > latest ? p : latest),
    undefined,
  );
  return period === undefined ? undefined : { period, value: byPeriod[period] };
}

/** Whether a release's current value is the one already published (same value, period, VI and targets). */
export function isPublishedAlready(
  known: PublishedCurrentValue | undefined,
  candidate: PublishedCurrentValue,
): boolean {
  if (known === undefined || known.value !== candidate.value || known.period !== candidate.period) return false;
  const same = (a?: { value: number; on?: string; by?: string }, b?: { value: number; on?: string; by?: string }) =>
    a?.value === b?.value && a?.on === b?.on && a?.by === b?.by;
  const [was, is] = [known.against ?? {}, candidate.against ?? {}];
  return same(was.initial, is.initial) && same(was.target, is.target) && same(was.annualTarget, is.annualTarget);
}
