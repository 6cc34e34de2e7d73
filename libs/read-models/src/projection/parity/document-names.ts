import type { ProjectedTable } from '../projector';
import type { DocumentRow } from './parity';

/**
 * How a difference names a row: by what it is to the people who read it (a mission, a project's fact or measurement,
 * a review cycle, an audit-log entry) rather than by its table's key. Typed over every projected table, so that a new
 * table cannot be compared without a name.
 */
const NAMES: { readonly [Table in ProjectedTable]: (row: DocumentRow) => string } = {
  rm_missions: (row) => `mission ${String(row.mission_code)}`,
  rm_project_facts: (row) => `project ${String(row.project_id)}: ${String(row.type)}`,
  rm_measurements: (row) =>
    `project ${String(row.project_id)}: measurement of ${String(row.indicator_id)} ` +
    `for ${String(row.territory_key)}, period ${String(row.period)}`,
  rm_release_values: (row) => `value of release ${String(row.series)}:${String(row.release_id)}`,
  rm_review_cycles: (row) => `review cycle ${String(row.cycle_id)}`,
  rm_event_index: () => 'audit-log entry',
};

export function documentName(table: ProjectedTable, row: DocumentRow): string {
  return `${NAMES[table](row)} at position ${String(row.position)}`;
}
