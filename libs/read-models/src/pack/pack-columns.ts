import { CHANGE_KIND_WORDS, HEALTH_WORDS, OUTCOME_WORDS, STATUS_WORDS } from './pack-words';

// The two tables of the committee pack, described once: the CSV's header and its TableSchema, and the spreadsheet's
// headers and cell types, all come from these columns. Names follow the French open-data conventions (snake_case,
// no accents); titles are what a spreadsheet shows.

/** A cell: text, a number (decimal point), an ISO date (YYYY-MM-DD) for a `date` column, or nothing. */
export type PackCell = string | number | null;

export type PackColumnType = 'string' | 'integer' | 'number' | 'date';

export interface PackColumn<Name extends string = string> {
  readonly name: Name;
  readonly title: string;
  readonly description: string;
  readonly type: PackColumnType;
  /** Every row has a value. */
  readonly required: boolean;
  /** The only words the column holds, when it is a closed set. */
  readonly enum?: readonly string[];
}

type Columns<Name extends string> = readonly PackColumn<Name>[];

const words = (vocabulary: Readonly<Record<string, string>>): readonly string[] => Object.values(vocabulary);

export const PROJECT_COLUMNS = [
  { name: 'code_mission', title: 'Code mission', description: 'code de la mission', type: 'string', required: true },
  { name: 'mission', title: 'Mission', description: 'nom de la mission', type: 'string', required: false },
  {
    name: 'id_projet',
    title: 'Identifiant projet',
    description: 'identifiant du projet',
    type: 'string',
    required: true,
  },
  { name: 'projet', title: 'Projet', description: 'intitulé du projet', type: 'string', required: true },
  {
    name: 'statut',
    title: 'Statut',
    description: 'en cours ou clôturé',
    type: 'string',
    required: true,
    enum: words(STATUS_WORDS),
  },
  {
    name: 'issue',
    title: 'Issue',
    description: "issue d'un projet clôturé : achevé ou abandonné",
    type: 'string',
    required: false,
    enum: words(OUTCOME_WORDS),
  },
  {
    name: 'sante',
    title: 'Santé',
    description: "météo d'un projet en cours à la date de la revue : vert, orange ou rouge",
    type: 'string',
    required: false,
    enum: words(HEALTH_WORDS),
  },
  {
    name: 'avancement',
    title: 'Avancement (%)',
    description:
      'moyenne, en pourcentage arrondi au dixième, de la progression vers leur cible des indicateurs actifs mesurés',
    type: 'number',
    required: false,
  },
  {
    name: 'jalons',
    title: 'Jalons',
    description: 'nombre de jalons du plan en vigueur',
    type: 'integer',
    required: true,
  },
  {
    name: 'jalons_atteints',
    title: 'Jalons atteints',
    description: 'jalons atteints',
    type: 'integer',
    required: true,
  },
  {
    name: 'jalons_atteints_en_retard',
    title: 'Jalons atteints en retard',
    description: 'jalons atteints après leur échéance',
    type: 'integer',
    required: true,
  },
  {
    name: 'jalons_en_retard',
    title: 'Jalons en retard',
    description: 'jalons non atteints dont la date est passée à la date de la revue',
    type: 'integer',
    required: true,
  },
  { name: 'version_plan', title: 'Version du plan', description: 'version du plan', type: 'integer', required: true },
  { name: 'lance_le', title: 'Lancé le', description: 'date de lancement', type: 'date', required: true },
  { name: 'cloture_le', title: 'Clôturé le', description: 'date de clôture', type: 'date', required: false },
  {
    name: 'evolution',
    title: 'Évolution depuis la revue précédente',
    description: 'les changements depuis la revue précédente, en mots, séparés par « ; » (vide : aucun)',
    type: 'string',
    required: false,
  },
] as const satisfies Columns<string>;

export const CHANGE_COLUMNS = [
  {
    name: 'id_projet',
    title: 'Identifiant projet',
    description: 'identifiant du projet',
    type: 'string',
    required: true,
  },
  { name: 'projet', title: 'Projet', description: 'intitulé du projet', type: 'string', required: true },
  {
    name: 'nature',
    title: 'Nature',
    description: 'nature du changement',
    type: 'string',
    required: true,
    enum: words(CHANGE_KIND_WORDS),
  },
  {
    name: 'element',
    title: 'Élément',
    description: "le jalon ou l'indicateur concerné",
    type: 'string',
    required: false,
  },
  {
    name: 'avant',
    title: 'Avant',
    description: "l'état à la revue précédente : échéance, valeur, santé, version ou statut",
    type: 'string',
    required: false,
  },
  {
    name: 'apres',
    title: 'Après',
    description: "l'état à cette revue : échéance, valeur, santé, version ou statut",
    type: 'string',
    required: false,
  },
  {
    name: 'variation',
    title: 'Variation',
    description: "pour une nouvelle valeur : après moins avant, dans l'unité de l'indicateur",
    type: 'number',
    required: false,
  },
  { name: 'unite', title: 'Unité', description: "unité de l'indicateur", type: 'string', required: false },
  {
    name: 'date',
    title: 'Date',
    description:
      'date du fait : lancement, clôture, décision de révision, atteinte du jalon ou période de la nouvelle valeur',
    type: 'date',
    required: false,
  },
  {
    name: 'detail',
    title: 'Détail',
    description: 'le changement en mots : motif, retard, raisons de la santé',
    type: 'string',
    required: true,
  },
] as const satisfies Columns<string>;

export type ProjectColumnName = (typeof PROJECT_COLUMNS)[number]['name'];
export type ChangeColumnName = (typeof CHANGE_COLUMNS)[number]['name'];

export type PackRow<Name extends string> = Readonly<Record<Name, PackCell>>;

/** A table of the pack: its columns and its rows, each row's cells named by column. */
export interface PackTable<Name extends string = string> {
  readonly columns: Columns<Name>;
  readonly rows: readonly PackRow<Name>[];
}
