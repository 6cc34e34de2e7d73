import fc from 'fast-check';
import { CsvParser, parseCsv, type CsvRecord } from './csv-reader';

const fieldsOf = (records: readonly CsvRecord[]) => records.map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads comma-separated fields, one record per line, with the line each starts on', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and counts the lines they span', () => {
    const text =
      'mesure,valeur\n"Dédoubler les classes (GS, CP, CE1)",1\n"dit ""oui""",2\n"sur\ndeux lignes",3\n"CRLF\r\ndedans",4\nfin,5\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['mesure', 'valeur'] },
      { line: 2, fields: ['Dédoubler les classes (GS, CP, CE1)', '1'] },
      { line: 3, fields: ['dit "oui"', '2'] },
      { line: 4, fields: ['sur\ndeux lignes', '3'] },
      { line: 6, fields: ['CRLF\r\ndedans', '4'] },
      { line: 8, fields: ['fin', '5'] },
    ]);
  });

  it('ends records on CRLF, LF or a lone CR alike', () => {
    expect(parseCsv('a,b\r\nc,d\re,f\ng,h')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
      { line: 4, fields: ['g', 'h'] },
    ]);
  });

  it('reads the last record without a final line break, and makes no record of a final line break', () => {
    expect(fieldsOf(parseCsv('a,b\n1,2'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf(parseCsv('a,b\r\n'))).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps empty fields, quoted or not, and spaces as they are', () => {
    expect(fieldsOf(parseCsv('a,,c\n,\n""\n"",x\n a , b \n'))).toEqual([
      ['a', '', 'c'],
      ['', ''],
      [''],
      ['', 'x'],
      [' a ', ' b '],
    ]);
  });

  it('skips empty lines but counts them', () => {
    expect(parseCsv('a\n\n\r\nb\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('drops a byte order mark', () => {
    expect(parseCsv('\uFEFFmesure,date\n')).toEqual([{ line: 1, fields: ['mesure', 'date'] }]);
  });

  it('flags a record with text after a closing quote, and reads on from the next line', () => {
    const [first, second] = parseCsv('"ab"c,d\ne,f\n');
    expect(first).toEqual({ line: 1, fields: ['abc', 'd'], problem: 'text after the closing quote of column 1' });
    expect(second).toEqual({ line: 2, fields: ['e', 'f'] });
  });

  it('flags a double quote inside an unquoted field', () => {
    expect(parseCsv('a,12"b\nc,d\n')).toEqual([
      { line: 1, fields: ['a', '12"b'], problem: 'a double quote inside an unquoted field (column 2)' },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });

  it('flags a quoted field never closed, naming the line it opened on', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'open\n2,3\n'], problem: 'a quoted field opened on line 2 is never closed' },
    ]);
  });

  it('reads the same records whatever the chunks the text arrives in (CRLF, quotes and BOM split across chunks)', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('', ',', '"', '""', '\n', '\r\n', '\r', 'é', 'a,b', ' x '),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 4 });
    const records = fc.array(record, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        records,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, eol, bom, cuts) => {
          // Quote every field, so that every record (even one empty field) is written unambiguously.
          const text =
            (bom ? '\uFEFF' : '') +
            rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join(eol) +
            eol;
          const positions = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const parser = new CsvParser();
          const parsed: CsvRecord[] = [];
          let from = 0;
          for (const to of [...positions, text.length]) {
            parsed.push(...parser.push(text.slice(from, to)));
            from = to;
          }
          parsed.push(...parser.end());
          expect(fieldsOf(parsed)).toEqual(rows);
          expect(parsed.every((r) => r.problem === undefined)).toBe(true);
          // Each record starts on the line after the previous one and the line breaks it holds.
          let line = 1;
          parsed.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += 1 + rows[i].join(',').split(/\r\n|\r|\n/).length - 1;
          });
        },
      ),
    );
  });
});
