import {
  LIMITS,
  NATIONAL_TERRITORY,
  SLUG_PATTERN,
  TERRITORY_CODE_PATTERN,
  daysBetween,
  isIsoDate,
  territoryKey,
  type IndicatorDefinition,
  type Territory,
  type TerritoryLevel,
} from '@portfolio/domain';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CsvEncodingError, readCsvRows, type CsvRow } from '@portfolio/audit';
import { bounded, parseDecimal, projectIdForMesure, slugify } from './mapping';
import type { RejectedRow } from './types';

/** A CSV file read whole: its rows (with the line each starts on) and the SHA-256 of its bytes. */
export interface Table {
  readonly file: string;
  readonly sha256: string;
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Reads a CSV file in one streaming pass, hashing its bytes as they go by; fails when a required column is missing. */
export async function readTable(path: string, required: readonly string[]): Promise<Table> {
  const file = basename(path);
  const hash = createHash('sha256');
  let columns: readonly string[] = [];
  const rows: CsvRow[] = [];
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      yield chunk;
    }
  }
  try {
    for await (const row of readCsvRows(hashed(), (header) => (columns = header))) rows.push(row);
  } catch (error) {
    if (error instanceof CsvEncodingError) throw new CsvEncodingError(`${file}: ${error.message}`);
    throw error;
  }
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return { file, sha256: hash.digest('hex'), columns, rows };
}

function rejection(file: string, row: CsvRow, reason: string): RejectedRow {
  return { file, line: row.line, reason };
}

/** The rows the CSV reader could read; each of the others is refused for the reason the reader gave. */
function* readableRows(table: Table, rejected: RejectedRow[]): Generator<CsvRow> {
  for (const row of table.rows) {
    if (row.problem === undefined) yield row;
    else rejected.push(rejection(table.file, row, row.problem));
  }
}

/** What reading the secteurs or the synthesis file gives besides its contents: the rows refused and the warnings. */
interface FileReading {
  readonly table: Table;
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------------
// secteurs.csv: secteur,id_indicateur

export interface Sectors extends FileReading {
  readonly sectorOf: ReadonlyMap<string, string>;
}

export async function readSectors(path: string): Promise<Sectors> {
  const table = await readTable(path, ['secteur', 'id_indicateur']);
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
  return { table, sectorOf, rejected, warnings };
}

// ---------------------------------------------------------------------------------------------------------------------
// <date>-synthese-national.csv: one row per indicator, with its baseline, target and published progress.

const SYNTHESIS_COLUMNS = [
  'mesure',
  'indicateur',
  'id_indicateur',
  'valeur_initiale',
  'date_valeur_initiale',
  'cible',
  'date_cible',
  'unite',
] as const;

/** What a synthesis says of one indicator. */
export interface SynthesisEntry {
  readonly line: number;
  readonly indicatorId: string;
  readonly mesure: string;
  /** The indicator's definition, when its baseline and target are usable. */
  readonly definition?: IndicatorDefinition;
  /** Why the row cannot define the indicator, when it cannot. */
  readonly unusable?: string;
  readonly valeurActuelle?: { readonly value: number; readonly on: string };
  /** The published progress toward the target, in whole percent. */
  readonly pourcentageCible?: number;
}

export interface Synthesis extends FileReading {
  readonly entries: ReadonlyMap<string, SynthesisEntry>;
}

export async function readSynthesis(path: string): Promise<Synthesis> {
  const table = await readTable(path, SYNTHESIS_COLUMNS);
  const territorial = ['code_region', 'code_departement'].filter((column) => table.columns.includes(column));
  if (territorial.length > 0) {
    // Targets per region or département cannot define a project's indicator, which has one target (the national one).
    throw new Error(
      `${table.file} has a ${territorial.join(', ')} column: give the national synthesis, whose targets define the indicators`,
    );
  }
  const entries = new Map<string, SynthesisEntry>();
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  for (const row of readableRows(table, rejected)) {
    const v = row.values;
    const indicatorId = v.id_indicateur.trim();
    if (!SLUG_PATTERN.test(indicatorId)) {
      rejected.push(rejection(table.file, row, `id_indicateur ${JSON.stringify(indicatorId)} is not an indicator id`));
      continue;
    }
    if (v.maille_geographique !== undefined && v.maille_geographique.trim() !== 'national') {
      rejected.push(
        rejection(table.file, row, `maille_geographique ${JSON.stringify(v.maille_geographique)} is not national`),
      );
      continue;
    }
    const earlier = entries.get(indicatorId);
    if (earlier !== undefined) {
      // The source lists nb-logement-accompagnement twice, under two labels, with the same figures.
      warnings.push(
        `${table.file} line ${row.line}: ${indicatorId} already appears on line ${earlier.line}; the first row is used`,
      );
      continue;
    }
    entries.set(indicatorId, synthesisEntry(row, indicatorId));
  }
  return { table, entries, rejected, warnings };
}

function synthesisEntry(row: CsvRow, indicatorId: string): SynthesisEntry {
  const v = row.values;
  const actual = parseDecimal(v.valeur_actuelle);
  const actualOn = v.date_valeur_actuelle?.trim();
  const published = parseDecimal(v.pourcentage_cible);
  const common = {
    line: row.line,
    indicatorId,
    mesure: v.mesure.trim(),
    ...(actual !== undefined && isIsoDate(actualOn) ? { valeurActuelle: { value: actual, on: actualOn } } : {}),
    ...(published === undefined ? {} : { pourcentageCible: published }),
  };
  const baselineValue = parseDecimal(v.valeur_initiale);
  const baselineOn = v.date_valeur_initiale.trim();
  const targetValue = parseDecimal(v.cible);
  const targetBy = v.date_cible.trim();
  const unusable =
    targetValue === undefined
      ? `no target in the synthesis file (cible is ${describeBlank(v.cible)})`
      : !isIsoDate(targetBy)
        ? `no target date in the synthesis file (date_cible is ${describeBlank(v.date_cible)})`
        : baselineValue === undefined
          ? `no baseline in the synthesis file (valeur_initiale is ${describeBlank(v.valeur_initiale)})`
          : !isIsoDate(baselineOn)
            ? `no baseline date in the synthesis file (date_valeur_initiale is ${describeBlank(v.date_valeur_initiale)})`
            : targetValue === baselineValue
              ? `the target (cible ${targetValue}) equals the baseline (valeur_initiale ${baselineValue})`
              : labelProblem(v.indicateur, v.unite);
  if (unusable !== undefined || targetValue === undefined || baselineValue === undefined) {
    return { ...common, unusable: unusable ?? 'unusable' };
  }
  const definition: IndicatorDefinition = {
    indicatorId,
    label: bounded(v.indicateur),
    unit: bounded(v.unite),
    // The Baromètre has indicators meant to go down (road deaths): their target is below their baseline.
    direction: targetValue < baselineValue ? 'decrease' : 'increase',
    baseline: { value: baselineValue, on: baselineOn },
    target: { value: targetValue, by: targetBy },
  };
  return { ...common, definition };
}

function labelProblem(label: string, unit: string): string | undefined {
  if (label.trim() === '') return 'the indicator has no label (indicateur is empty)';
  if (unit.trim() === '') return 'the indicator has no unit (unite is empty)';
  return undefined;
}

function describeBlank(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? 'empty' : JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------------------------------------
// Detail files: one measured value per row.

const DETAIL_COLUMNS = ['mesure', 'indicateur', 'id_indicateur', 'date', 'valeur', 'unite'] as const;

const TERRITORY_COLUMN: Readonly<Record<TerritoryLevel, string | undefined>> = {
  national: undefined,
  region: 'code_region',
  departement: 'code_departement',
};

/** A valid row of a detail file. */
export interface DetailRow {
  readonly line: number;
  readonly mesure: string;
  readonly projectId: string;
  /** The mesure's slug before any cut: two different ones must not share a project id. */
  readonly mesureSlug: string;
  readonly indicatorId: string;
  readonly label: string;
  readonly unit: string;
  readonly period: string;
  readonly value: number;
  readonly territory: Territory;
}

export interface Detail {
  readonly table: Table;
  readonly rows: readonly DetailRow[];
  readonly rejected: readonly RejectedRow[];
  /** Rows repeating an earlier row's indicator, territory, period and value: kept once. */
  readonly repeated: number;
}

export async function readDetail(path: string, level: TerritoryLevel, today: string): Promise<Detail> {
  const territoryColumn = TERRITORY_COLUMN[level];
  const table = await readTable(
    path,
    territoryColumn === undefined ? DETAIL_COLUMNS : [...DETAIL_COLUMNS, territoryColumn],
  );
  const stray = Object.values(TERRITORY_COLUMN).filter(
    (column): column is string => column !== undefined && column !== territoryColumn && table.columns.includes(column),
  );
  if (level === 'national' && stray.length > 0) {
    throw new Error(`${table.file} has a ${stray.join(', ')} column: import it at the region or departement level`);
  }
  const rows: DetailRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, { readonly line: number; readonly value: number }>();
  let repeated = 0;
  for (const row of table.rows) {
    const parsed = detailRow(row, level, territoryColumn, today);
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
  return { table, rows, rejected, repeated };
}

function detailRow(
  row: CsvRow,
  level: TerritoryLevel,
  territoryColumn: string | undefined,
  today: string,
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
    projectId: projectIdForMesure(mesure),
    mesureSlug: slugify(mesure),
    indicatorId,
    label: v.indicateur.trim(),
    unit: v.unite.trim(),
    period,
    value,
    territory,
  };
}

function territoryOf(row: CsvRow, level: TerritoryLevel, territoryColumn: string | undefined): Territory | string {
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
