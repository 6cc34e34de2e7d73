// Test support: a CSV checked against a Frictionless TableSchema as far as the pack's schemas go (header, required
// fields, types string / integer / number / date, enum), so that a test fails on the first cell the schema refuses.
import { parseCsv } from '@portfolio/audit';

interface SchemaField {
  readonly name: string;
  readonly type: string;
  readonly constraints?: { readonly required?: boolean; readonly enum?: readonly string[] };
}

const TYPE_PATTERNS: Readonly<Record<string, RegExp>> = {
  string: /^/,
  integer: /^-?\d+$/,
  // The decimal point; no exponent, no thousands separator.
  number: /^-?\d+(\.\d+)?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function cellViolation(field: SchemaField, cell: string): string | null {
  if (cell === '') return field.constraints?.required === true ? 'required' : null;
  const pattern = TYPE_PATTERNS[field.type];
  if (pattern === undefined) return `type ${field.type} not checked here`;
  if (!pattern.test(cell) || (field.type === 'date' && !isCalendarDate(cell))) return `not a ${field.type}`;
  const choices = field.constraints?.enum;
  return choices === undefined || choices.includes(cell) ? null : `not one of ${choices.join(', ')}`;
}

/** What the CSV breaks of the schema, one line each (`line 3, sante: not one of vert, orange, rouge`); none is valid. */
export function tableSchemaViolations(csv: string, schema: { readonly fields: readonly SchemaField[] }): string[] {
  const [header, ...records] = parseCsv(csv);
  const names = schema.fields.map((field) => field.name);
  if (header === undefined || header.fields.join(',') !== names.join(',')) {
    return [`header ${header?.fields.join(',')} is not ${names.join(',')}`];
  }
  return records.flatMap((record) => {
    if (record.problem !== undefined) return [`line ${record.line}: ${record.problem}`];
    if (record.fields.length !== names.length) return [`line ${record.line}: ${record.fields.length} fields`];
    return schema.fields.flatMap((field, index) => {
      const violation = cellViolation(field, record.fields[index]);
      return violation === null ? [] : [`line ${record.line}, ${field.name}: ${violation}`];
    });
  });
}
