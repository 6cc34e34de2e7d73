export const TERRITORY_LEVELS = ['national', 'region', 'departement'] as const;

/** Granularity of a measurement: the whole country, a region or a département. */
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** Where a measured value applies, by INSEE code (`84` Auvergne-Rhône-Alpes, `2A` Corse-du-Sud), or `FR` nationally. */
export interface Territory {
  readonly level: TerritoryLevel;
  readonly code: string;
}

/** `level:code`, e.g. `departement:2A`: how measurements are keyed by territory. */
export type TerritoryKey = string;

// INSEE region and département codes are two or three characters (01, 84, 2A, 971); national figures are for France only.
export const TERRITORY_CODE_PATTERN = /^[0-9A-Z]{2,3}$/;

// Frozen: every event recorded without a territory shares this object.
export const NATIONAL_TERRITORY: Territory = Object.freeze({ level: 'national', code: 'FR' });

export function territoryKey(territory: Territory): TerritoryKey {
  return `${territory.level}:${territory.code}`;
}
