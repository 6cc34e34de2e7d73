/**
 * How finely a reviewer reads a value of an indicator's unit. Units are free text (the Baromètre's `unite`, e.g.
 * "% des classes", "millions d'usagers", "mois de traitement", "bornes de recharge"); their first word tells the kind:
 * - percent: starts with "%", "percent" or "pourcent": 2 decimals (the Baromètre publishes rates such as 18.39 %);
 * - scaled count: "millions", "milliers", "milliards", "thousands", "billions": 2 decimals (10,000 in a million);
 * - duration: "jours", "days", "semaines", "weeks", "mois", "months", "années", "years": 1 decimal (4.3 months);
 * - anything else is a count of things: whole numbers.
 */
export type UnitKind = 'percent' | 'scaled_count' | 'duration' | 'count';

export interface UnitPrecision {
  readonly kind: UnitKind;
  /** Decimal places values and differences of this unit are rounded to. */
  readonly decimals: number;
}

const DECIMALS: Readonly<Record<UnitKind, number>> = { percent: 2, scaled_count: 2, duration: 1, count: 0 };

const KIND_BY_FIRST_WORD: ReadonlyMap<string, UnitKind> = new Map([
  ...['percent', 'pourcent', 'pourcentage'].map((word): [string, UnitKind] => [word, 'percent']),
  ...['millions', 'million', 'milliers', 'millier', 'milliards', 'milliard', 'thousands', 'billions'].map(
    (word): [string, UnitKind] => [word, 'scaled_count'],
  ),
  ...['jours', 'jour', 'days', 'day', 'semaines', 'semaine', 'weeks', 'week', 'mois', 'months', 'month'].map(
    (word): [string, UnitKind] => [word, 'duration'],
  ),
  ...['années', 'année', 'ans', 'years', 'year'].map((word): [string, UnitKind] => [word, 'duration']),
]);

/** The precision of a unit, by its first word (see UnitKind). */
export function unitPrecision(unit: string): UnitPrecision {
  const text = unit.trim().toLowerCase();
  const kind = text.startsWith('%') ? 'percent' : (KIND_BY_FIRST_WORD.get(text.split(/[\s'’]/u)[0]) ?? 'count');
  return { kind, decimals: DECIMALS[kind] };
}

/** Progress figures (the health rule's percentages, and means of them) are shown to one decimal. */
export const PROGRESS_DECIMALS = 1;

/**
 * `value` rounded half away from zero to `decimals` places, without the binary noise of the sum or difference it came
 * from (0.1 + 0.2 reads 0.3); never -0.
 */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // To 15 significant digits first, as a reader wrote it: 1.005 × 100 is 100.49999999999999 in binary.
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / scale;
  return rounded === 0 ? 0 : rounded;
}
