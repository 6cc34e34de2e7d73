// Dates, instants and numbers written as a French reader expects them.

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const PERCENT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** 2021-02-05 → « 5 février 2021 ». */
export function frenchDate(isoDate: string): string {
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An ISO instant → « 5 février 2021 à 19:00 » (heure de Paris). */
export function frenchInstant(isoInstant: string): string {
  return INSTANT.format(new Date(isoInstant));
}

/** 42.456 → « 42,5 % ». */
export function frenchPercent(value: number): string {
  return `${PERCENT.format(value)} %`;
}

/** « 1 jalon », « 3 jalons ». */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 || count === 0 ? singular : pluralForm}`;
}

/** 1234.5 with 2 decimals → « 1 234,50 ». */
export function frenchNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

const VALUE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A value of an indicator, at most 2 decimals: 1234.567 → « 1 234,57 ». */
export function frenchValue(value: number): string {
  return VALUE.format(value);
}
