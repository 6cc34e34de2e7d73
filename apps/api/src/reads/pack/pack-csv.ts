import { csvRecord, inertCell } from '@portfolio/audit';
import type { PackCell, PackColumn, PackTable } from '@portfolio/read-models';

// A table of the committee pack as CSV, per the French open-data conventions (UTF-8, comma, a header row of
// snake_case names, ISO dates, decimal point), written by the audit export's RFC 4180 writer.

/** Text cells a spreadsheet could run as a formula get one leading `'` (see inertCell); numbers and dates never can. */
function csvCell(column: PackColumn, value: PackCell): string {
  if (value === null) return '';
  return column.type === 'string' ? inertCell(String(value)) : String(value);
}

export function packCsv(table: PackTable): string {
  const header = csvRecord(table.columns.map((column) => column.name));
  const rows = table.rows.map((row) => csvRecord(table.columns.map((column) => csvCell(column, row[column.name]))));
  return header + rows.join('');
}
