import { SLUG_PATTERN, isIsoDate, type IndicatorDefinition, type PublishedBasis } from '@portfolio/domain';
import { readableRows, rejection, type FileReading, type LaidOutTable } from './barometre-files';
import type { CsvRow } from './csv-table';
import { bounded, parseDecimal } from './mapping';
import type { RejectedRow } from './types';

// <date>-synthese-national.csv: one row per indicator, with its baseline, target and published progress.

/** What a synthesis says of one indicator. */
export interface SynthesisEntry extends PublishedFigures {
  readonly line: number;
  readonly indicatorId: string;
  readonly mesure: string;
  /** The indicator's definition: with its target when the row gives a usable one, else as a monitored series. */
  readonly definition?: IndicatorDefinition;
  /** Why the definition has no target, when it has none. */
  readonly monitoredBecause?: string;
  /** Why the row cannot define the indicator at all (no label, no unit). */
  readonly unusable?: string;
}

/** What a synthesis row published of its indicator: VA, and VI and VC against which pourcentage_cible was computed. */
export interface PublishedFigures {
  readonly valeurActuelle?: { readonly value: number; readonly on: string };
  /** `valeur_initiale` and `cible` with their dates, as published: what `pourcentage_cible` was computed against. */
  readonly publishedAgainst: PublishedBasis;
  /** The published progress toward the target, in whole percent. */
  readonly pourcentageCible?: number;
}

export interface Synthesis extends FileReading {
  readonly entries: ReadonlyMap<string, SynthesisEntry>;
}

/** Reads a national synthesis (read-synthesis.ts tells it from a territorial one by its layout). */
export function nationalSynthesis({ table, layout }: LaidOutTable): Synthesis {
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
  return { table, layout, entries, rejected, warnings };
}

interface ValueOn {
  readonly value: number;
  readonly date: string;
}

function valueOn(value: string | undefined, date: string | undefined): ValueOn | undefined {
  const number = parseDecimal(value);
  const day = (date ?? '').trim();
  return number === undefined || !isIsoDate(day) ? undefined : { value: number, date: day };
}

export function publishedFigures(row: CsvRow): PublishedFigures {
  const v = row.values;
  const actual = valueOn(v.valeur_actuelle, v.date_valeur_actuelle);
  const published = parseDecimal(v.pourcentage_cible);
  const baseline = valueOn(v.valeur_initiale, v.date_valeur_initiale);
  const target = valueOn(v.cible, v.date_cible);
  return {
    ...(actual === undefined ? {} : { valeurActuelle: { value: actual.value, on: actual.date } }),
    ...(published === undefined ? {} : { pourcentageCible: published }),
    publishedAgainst: {
      ...(baseline === undefined ? {} : { initial: { value: baseline.value, on: baseline.date } }),
      ...(target === undefined ? {} : { target: { value: target.value, by: target.date } }),
    },
  };
}

function synthesisEntry(row: CsvRow, indicatorId: string): SynthesisEntry {
  const v = row.values;
  const baseline = valueOn(v.valeur_initiale, v.date_valeur_initiale);
  const target = valueOn(v.cible, v.date_cible);
  const common = { line: row.line, indicatorId, mesure: v.mesure.trim(), ...publishedFigures(row) };
  const unusable = labelProblem(v.indicateur, v.unite);
  if (unusable !== undefined) return { ...common, unusable };
  const series = {
    indicatorId,
    label: bounded(v.indicateur),
    unit: bounded(v.unite),
    ...(baseline === undefined ? {} : { baseline: { value: baseline.value, on: baseline.date } }),
  };
  const noTarget = whyNoTarget(row, baseline, target);
  if (noTarget !== undefined || baseline === undefined || target === undefined) {
    return { ...common, definition: series, monitoredBecause: noTarget ?? 'no usable target' };
  }
  const definition: IndicatorDefinition = {
    ...series,
    // The Baromètre has indicators meant to go down (road deaths): their target is below their baseline.
    direction: target.value < baseline.value ? 'decrease' : 'increase',
    target: { value: target.value, by: target.date },
  };
  return { ...common, definition };
}

/** Why the row's target cannot be measured against (ARCHITECTURE §7), if it cannot. */
function whyNoTarget(row: CsvRow, baseline: ValueOn | undefined, target: ValueOn | undefined): string | undefined {
  const v = row.values;
  if (parseDecimal(v.cible) === undefined)
    return `no target in the synthesis file (cible is ${describeBlank(v.cible)})`;
  if (target === undefined) {
    return `no target date in the synthesis file (date_cible is ${describeBlank(v.date_cible)})`;
  }
  if (parseDecimal(v.valeur_initiale) === undefined) {
    return `no baseline in the synthesis file (valeur_initiale is ${describeBlank(v.valeur_initiale)})`;
  }
  if (baseline === undefined) {
    return `no baseline date in the synthesis file (date_valeur_initiale is ${describeBlank(v.date_valeur_initiale)})`;
  }
  if (target.value === baseline.value) {
    return `the target (cible ${target.value}) equals the baseline (valeur_initiale ${baseline.value}): the file does not say which way it aims`;
  }
  if (target.date <= baseline.date) {
    return `the target date (date_cible ${target.date}) is not after the baseline date (date_valeur_initiale ${baseline.date})`;
  }
  return undefined;
}

function labelProblem(label: string, unit: string): string | undefined {
  if (label.trim() === '') return 'the indicator has no label (indicateur is empty)';
  if (unit.trim() === '') return 'the indicator has no unit (unite is empty)';
  return undefined;
}

function describeBlank(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? 'empty' : JSON.stringify(text);
}
