import { stringify } from 'csv-stringify/sync';
import { csvRecord, inertCell } from './event-csv';

describe('inertCell', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'puts a quote before %j, which a spreadsheet would read as a formula',
    (cell) => {
      expect(inertCell(cell)).toBe(`'${cell}`);
    },
  );

  it('puts one more quote before a cell already starting with one, so that removing one always undoes it', () => {
    expect(inertCell("'=1")).toBe("''=1");
    expect(inertCell("'quoted")).toBe("''quoted");
  });

  it.each(['', '42', 'Camille Martin', '{"value":-1}', 'a=b', ' =1'])('leaves %j as it is', (cell) => {
    expect(inertCell(cell)).toBe(cell);
  });
});

describe('csvRecord', () => {
  // Exports written before it came are read by the verifier, which writes each row again to compare.
  const cells = ['', 'plain', 'a,b', 'say "hi"', '"', 'two\nlines', 'cr\rlf\r\n', "'=1", ' spaced ', 'é€😀', ',"\n'];

  it.each(cells)('writes %j as csv-stringify does', (cell) => {
    expect(csvRecord([cell])).toBe(stringify([[cell]]));
    expect(csvRecord([cell, 'x', cell])).toBe(stringify([[cell, 'x', cell]]));
  });

  it('writes every cell of many random rows as csv-stringify does', () => {
    const alphabet = ['a', ',', '"', '\n', '\r', ' ', "'", '=', 'é', '\t'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let row = 0; row < 500; row += 1) {
      const fields = Array.from({ length: 1 + (next() % 5) }, () =>
        Array.from({ length: next() % 6 }, () => alphabet[next() % alphabet.length]).join(''),
      );
      expect(csvRecord(fields)).toBe(stringify([fields]));
    }
  });
});
