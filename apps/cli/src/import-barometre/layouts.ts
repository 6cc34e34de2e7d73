import type { TerritoryLevel } from '@portfolio/domain';
import type { Table } from './csv-table';

/** Which of the importer's inputs a file is given as. */
export type FileRole = 'detail' | 'synthese' | 'secteurs';

/**
 * A column layout Etalab published for the Baromètre (etalab/barometre-resultats-donnees): detail and synthesis files
 * at the national, regional and départemental levels, each with its own territorial columns, and secteurs.csv.
 */
export interface Layout {
  readonly name: string;
  readonly role: FileRole;
  /** Level of the file's values, and the column giving each row's territory below the national level. */
  readonly level?: TerritoryLevel;
  readonly territoryColumn?: string;
  readonly required: readonly string[];
}

const DETAIL = ['mesure', 'indicateur', 'id_indicateur', 'date', 'valeur', 'unite'] as const;
const SYNTHESE = [
  'mesure',
  'indicateur',
  'id_indicateur',
  'valeur_initiale',
  'date_valeur_initiale',
  'cible',
  'date_cible',
  'unite',
] as const;

/** National files name their level in maille_geographique, when they have it; the others carry a code per row. */
const LEVELS: readonly { readonly suffix: string; readonly level: TerritoryLevel; readonly column?: string }[] = [
  { suffix: 'national', level: 'national' },
  { suffix: 'regional', level: 'region', column: 'code_region' },
  { suffix: 'departemental', level: 'departement', column: 'code_departement' },
];

const LAYOUTS: readonly Layout[] = [
  { name: 'secteurs', role: 'secteurs', required: ['secteur', 'id_indicateur'] },
  ...(['detail', 'synthese'] as const).flatMap((role) =>
    LEVELS.map(({ suffix, level, column }) => ({
      name: `${role}-${suffix}`,
      role,
      level,
      ...(column === undefined ? {} : { territoryColumn: column }),
      required: [...(role === 'detail' ? DETAIL : SYNTHESE), ...(column === undefined ? [] : [column])],
    })),
  ),
];

/**
 * The layout a file given as `role` was published in, told by its territorial column (none, code_region or
 * code_departement). Throws, naming the file, when it has both or lacks a column its layout requires.
 */
export function layoutOf(table: Table, role: FileRole): Layout {
  const territorial = LEVELS.flatMap(({ column }) =>
    column !== undefined && table.columns.includes(column) ? [column] : [],
  );
  if (role !== 'secteurs' && territorial.length > 1) {
    throw new Error(`${table.file} has both ${territorial.join(' and ')} columns: no published layout has both`);
  }
  const layout = LAYOUTS.find(
    (candidate) =>
      candidate.role === role &&
      (role === 'secteurs' || candidate.territoryColumn === (territorial[0] as string | undefined)),
  );
  if (layout === undefined) throw new Error(`${table.file}: no ${role} layout is known`);
  const missing = layout.required.filter((name) => !table.columns.includes(name));
  if (missing.length > 0) {
    throw new Error(`${table.file}: missing column(s) ${missing.join(', ')} of the ${layout.name} layout`);
  }
  return layout;
}
