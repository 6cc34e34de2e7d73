import type { CommitteePack, PackCell, PackColumn, PackTable } from '@portfolio/read-models';
// The package's CommonJS entry has no __esModule marker: a default import would get the module, not the function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import excel = require('write-excel-file/node');

// The committee pack as a workbook: one sheet for the portfolio, one for the changes, headed by the columns' French
// titles, each cell typed as its column is (numbers as numbers, dates as dates) so that a spreadsheet sorts and sums.

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET_NAMES = { projects: 'Portefeuille', changes: 'Changements' } as const;

/** Dates as French readers write them; the cell holds the date itself. */
const DATE_FORMAT = 'dd/mm/yyyy';

type Cell = excel.CellObject | null;

function cell(column: PackColumn, value: PackCell): Cell {
  if (value === null) return null;
  switch (column.type) {
    case 'date':
      // An ISO date is midnight UTC, which is the day a spreadsheet shows.
      return { type: Date, value: new Date(`${value}T00:00:00Z`), format: DATE_FORMAT };
    case 'integer':
    case 'number':
      return { type: Number, value: Number(value) };
    case 'string':
      return { type: String, value: String(value) };
  }
}

function sheet(name: string, table: PackTable): excel.Sheet<Buffer> {
  const header = table.columns.map((column): Cell => ({ value: column.title, fontWeight: 'bold' }));
  const rows = table.rows.map((row) => table.columns.map((column) => cell(column, row[column.name])));
  return {
    data: [header, ...rows],
    sheet: name,
    stickyRowsCount: 1,
    columns: table.columns.map((column) => ({ width: Math.max(12, column.title.length + 2) })),
  };
}

export function packWorkbook(pack: CommitteePack): Promise<Buffer> {
  return excel
    .default([sheet(SHEET_NAMES.projects, pack.projects), sheet(SHEET_NAMES.changes, pack.changes)])
    .toBuffer();
}
