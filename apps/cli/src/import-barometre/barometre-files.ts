import {
  LIMITS,
  NATIONAL_TERRITORY,
  SLUG_PATTERN,
  TERRITORY_CODE_PATTERN,
  daysBetween,
  isIsoDate,
  territoryKey,
  type Territory,
  type TerritoryLevel,
} from '@portfolio/domain';
import { readTable, type CsvRow, type Table } from './csv-table';
import { layoutOf, type FileRole, type Layout } from './layouts';
import { parseDecimal } from './mapping';
import type { Renames } from './renames';
import type { RejectedRow } from './types';

/** A file read, and the layout it was read as. */
export interface LaidOutTable {
  readonly table: Table;
  readonly layout: Layout;
}

export async function readLaidOut(path: string, role: FileRole): Promise<LaidOutTable> {
  const table = await readTable(path);
  return { table, layout: layoutOf(table, role) };
}

export function rejection(file: string, row: CsvRow, reason: string): RejectedRow {
  return { file, line: row.line, reason };
}

/** The rows the CSV reader could read; each of the others is refused for the reason the reader gave. */
export function* readableRows(table: Table, rejected: RejectedRow[]): Generator<CsvRow> {
  for (const row of table.rows) {
    if (row.problem === undefined) yield row;
    else rejected.push(rejection(table.file, row, row.problem));
  }
}

/** What reading the secteurs or the synthesis file gives besides its contents: the rows refused and the warnings. */
export interface FileReading extends LaidOutTable {
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------------
// secteurs.csv: secteur,id_indicateur

export interface Sectors extends FileReading {
  readonly sectorOf: ReadonlyMap<string, string>;
}

export async function readSectors(path: string): Promise<Sectors> {
  const { table, layout } = await readLaidOut(path, 'secteurs');
  const sectorOf = new Map<string, string>();
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  for (const row of readableRows(table, rejected)) {
    const sector = row.values.secteur.trim();
    const indicatorId = row.values.id_indicateur.trim();
    if (sector === '' || indicatorId === '') {
      rejected.push(rejection(table.file, row, 'secteur or id_indicateur is empty'));
      continue;
    }
    const earlier = sectorOf.get(indicatorId);
    if (earlier === undefined) sectorOf.set(indicatorId, sector);
    else if (earlier !== sector) {
      warnings.push(
        `${table.file} line ${row.line}: ${indicatorId} is listed in sector ${sector} and, earlier, in ${earlier}: ${earlier} is kept`,
      );
    }
  }
  return { table, layout, sectorOf, rejected, warnings };
}

// ---------------------------------------------------------------------------------------------------------------------
// Detail files: one measured value per row.

/** A valid row of a detail file. */
export interface DetailRow {
  readonly line: number;
  readonly mesure: string;
  readonly projectId: string;
  /** The slug (before any cut) of the mesure's first title (see renames.ts): two different ones must not share a project id. */
  readonly mesureSlug: string;
  readonly indicatorId: string;
  readonly label: string;
  readonly unit: string;
  readonly period: string;
  readonly value: number;
  readonly territory: Territory;
}

export interface Detail extends LaidOutTable {
  readonly rows: readonly DetailRow[];
  readonly rejected: readonly RejectedRow[];
  /** Rows repeating an earlier row's indicator, territory, period and value: kept once. */
  readonly repeated: number;
}

/**
 * Reads a detail file at the level of its layout (national, regional or départemental). `level`, when given, must be
 * that level: a file of département values imported as national ones would put them all under FR.
 */
export async function readDetail(
  path: string,
  level: TerritoryLevel | undefined,
  today: string,
  renames: Renames,
): Promise<Detail> {
  const { table, layout } = await readLaidOut(path, 'detail');
  const fileLevel = layout.level ?? 'national';
  if (level !== undefined && level !== fileLevel) {
    const told =
      layout.territoryColumn === undefined ? 'has no territorial column' : `has a ${layout.territoryColumn} column`;
    throw new Error(
      `${table.file} ${told} (layout ${layout.name}): its values are at the ${fileLevel} level, not ${level}`,
    );
  }
  const territoryColumn = layout.territoryColumn;
  const rows: DetailRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, { readonly line: number; readonly value: number }>();
  let repeated = 0;
  for (const row of table.rows) {
    const parsed = detailRow(row, fileLevel, territoryColumn, today, renames);
    if (typeof parsed === 'string') {
      rejected.push(rejection(table.file, row, parsed));
      continue;
    }
    const key = `${parsed.projectId}|${parsed.indicatorId}|${territoryKey(parsed.territory)}|${parsed.period}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, { line: row.line, value: parsed.value });
      rows.push(parsed);
    } else if (earlier.value === parsed.value) {
      repeated += 1;
    } else {
      // Keeping both would restate the value within the file, and again at every re-import: the first one stands.
      rejected.push(
        rejection(
          table.file,
          row,
          `the value ${parsed.value} contradicts line ${earlier.line} (${earlier.value}) for the same indicator, territory and period`,
        ),
      );
    }
  }
  return { table, layout, rows, rejected, repeated };
}

function detailRow(
  row: CsvRow,
  level: TerritoryLevel,
  territoryColumn: string | undefined,
  today: string,
  renames: Renames,
): DetailRow | string {
  if (row.problem !== undefined) return row.problem;
  const v = row.values;
  const mesure = v.mesure.trim();
  if (mesure === '') return 'empty mesure';
  const indicatorId = v.id_indicateur.trim();
  if (!SLUG_PATTERN.test(indicatorId)) return `id_indicateur ${JSON.stringify(indicatorId)} is not an indicator id`;
  const period = v.date.trim();
  if (!isIsoDate(period)) return `date ${JSON.stringify(v.date)} is not a calendar date (YYYY-MM-DD)`;
  if (daysBetween(today, period) > LIMITS.periodLeadDays) {
    return `date ${period} ends more than ${LIMITS.periodLeadDays} days after today (${today})`;
  }
  if (v.valeur.trim() === '') return 'valeur is empty';
  // A missing value is sometimes coded 0.0 in the Baromètre; nothing tells it from a true zero, so 0.0 is kept as 0.
  const value = parseDecimal(v.valeur);
  if (value === undefined) return `valeur ${JSON.stringify(v.valeur)} is not a number`;
  const territory = territoryOf(row, level, territoryColumn);
  if (typeof territory === 'string') return territory;
  return {
    line: row.line,
    mesure,
    ...renames.identityOf(mesure),
    indicatorId,
    label: v.indicateur.trim(),
    unit: v.unite.trim(),
    period,
    value,
    territory,
  };
}

/** The row's territory: from its territorial column, else France (checking maille_geographique when it has one). */
export function territoryOf(
  row: CsvRow,
  level: TerritoryLevel,
  territoryColumn: string | undefined,
): Territory | string {
  if (territoryColumn === undefined) {
    const scale = row.values.maille_geographique?.trim();
    if (scale !== undefined && scale !== 'national') {
      return `maille_geographique ${JSON.stringify(scale)} is not national`;
    }
    return NATIONAL_TERRITORY;
  }
  const code = row.values[territoryColumn].trim();
  if (!TERRITORY_CODE_PATTERN.test(code))
    return `${territoryColumn} ${JSON.stringify(code)} is not an INSEE ${level} code`;
  return { level, code };
}
