import { inertCell } from './event-csv';

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
