// What the measurement form sends: the value read as a French reader writes it, the territory only when not national.

export type TerritoryLevel = 'national' | 'region' | 'departement';

/** The form's fields, as typed. */
export interface MeasurementFields {
  readonly indicatorId: string;
  readonly value: string;
  readonly period: string;
  readonly level: TerritoryLevel;
  readonly code: string;
  readonly source: string;
}

export const TERRITORY_LEVELS: Readonly<Record<TerritoryLevel, string>> = {
  national: 'France entière',
  region: 'Région',
  departement: 'Département',
};

/**
 * « 15 861,5 » → 15861.5. Text that is not a number is sent as typed: the API refuses it with its own message, shown
 * on the field, as any other refusal.
 */
export function numberOf(text: string): number | string {
  const written = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const value = Number(written);
  return written !== '' && Number.isFinite(value) ? value : text;
}

/** The body of POST /projects/{projectId}/indicators/{indicatorId}/measurements. */
export function measurementBody(fields: MeasurementFields): Record<string, unknown> {
  const source = fields.source.trim();
  return {
    value: numberOf(fields.value),
    period: fields.period,
    ...(fields.level === 'national' ? {} : { territory: { level: fields.level, code: fields.code.trim() } }),
    ...(source === '' ? {} : { source }),
  };
}
