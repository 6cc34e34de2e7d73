import { SLUG_PATTERN, territoryKey, type Territory, type TerritoryLevel } from '@portfolio/domain';
import { readableRows, rejection, territoryOf, type FileReading, type LaidOutTable } from './barometre-files';
import type { CsvRow } from './csv-table';
import type { CurrentValue } from './record-measurements';
import type { Renames } from './renames';
import { publishedFigures } from './synthesis-file';
import type { RejectedRow } from './types';

// <date>-synthese-regional.csv or -departemental.csv: one row per indicator and territory, with that territory's own
// baseline, target and published progress. It defines no indicator (a project's target is the national one): each
// row's current value (VA) is recorded as the territory's published current value of an indicator the ledger defines.

/** A territory's current value (VA) of one indicator, as the synthesis published it, with that territory's VI and VC. */
export interface TerritorialValue extends CurrentValue {
  readonly line: number;
  /** The project of the row's mesure (followed through the renames, as a detail row's). */
  readonly projectId: string;
  readonly territory: Territory;
}

export interface TerritorialSynthesis extends FileReading {
  readonly level: TerritoryLevel;
  readonly values: readonly TerritorialValue[];
}

/** Reads a territorial synthesis: `layout` has a territory column (code_region or code_departement). */
export function territorialSynthesis(
  { table, layout }: LaidOutTable,
  level: TerritoryLevel,
  territoryColumn: string,
  renames: Renames,
): TerritorialSynthesis {
  const values: TerritorialValue[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  let withoutValue = 0;
  for (const row of readableRows(table, rejected)) {
    const read = territorialValue(row, level, territoryColumn, renames);
    if (typeof read === 'string') {
      rejected.push(rejection(table.file, row, read));
      continue;
    }
    if (read === undefined) {
      withoutValue += 1;
      continue;
    }
    const where = territoryKey(read.territory);
    const key = `${read.indicatorId}|${where}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // As in the national synthesis, nb-logement-accompagnement is listed twice, under two labels, with the same figures.
      warnings.push(
        `${table.file} line ${row.line}: ${read.indicatorId} in ${where} already appears on line ${earlier}; the first row is used`,
      );
      continue;
    }
    seen.set(key, row.line);
    values.push(read);
  }
  if (withoutValue > 0) {
    warnings.push(
      `${withoutValue} rows of ${table.file} give no current value (valeur_actuelle with its date): nothing is published for them`,
    );
  }
  return { table, layout, level, values, rejected, warnings };
}

/** The row's value; undefined when it publishes no current value; why the row cannot be read otherwise. */
function territorialValue(
  row: CsvRow,
  level: TerritoryLevel,
  territoryColumn: string,
  renames: Renames,
): TerritorialValue | string | undefined {
  const v = row.values;
  const mesure = v.mesure.trim();
  if (mesure === '') return 'empty mesure';
  const indicatorId = v.id_indicateur.trim();
  if (!SLUG_PATTERN.test(indicatorId)) return `id_indicateur ${JSON.stringify(indicatorId)} is not an indicator id`;
  const territory = territoryOf(row, level, territoryColumn);
  if (typeof territory === 'string') return territory;
  const { valeurActuelle, publishedAgainst } = publishedFigures(row);
  if (valeurActuelle === undefined) return undefined;
  return {
    line: row.line,
    projectId: renames.identityOf(mesure).projectId,
    indicatorId,
    territory,
    value: valeurActuelle.value,
    period: valeurActuelle.on,
    against: publishedAgainst,
  };
}
