import type { PackColumn } from '@portfolio/read-models';

/** Said of the free-text columns: see inertCell in libs/audit, which writes them. */
const INERT =
  " (une cellule commençant par =, +, -, @, TAB, CR ou ' est précédée d'un ' de plus, pour qu'aucun tableur ne " +
  "l'exécute comme une formule : retirer ce ' pour retrouver la valeur)";

/** A TableSchema field, as the French open-data schemas write them (name, title, description, type, constraints). */
function field(column: PackColumn) {
  const constraints = {
    ...(column.required ? { required: true } : {}),
    ...(column.enum === undefined ? {} : { enum: [...column.enum] }),
  };
  return {
    name: column.name,
    title: column.title,
    description:
      column.type === 'string' && column.enum === undefined ? column.description + INERT : column.description,
    type: column.type,
    ...(column.type === 'date' ? { format: '%Y-%m-%d' } : {}),
    ...(Object.keys(constraints).length === 0 ? {} : { constraints }),
  };
}

/** The Frictionless TableSchema of a table of the committee pack: its CSV can be validated and typed by standard tools. */
export function packTableSchema(columns: readonly PackColumn[]): object {
  return { fields: columns.map(field), missingValues: [''] };
}
