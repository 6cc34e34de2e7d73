import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvEncodingError, readTable } from './csv-table';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-table-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function tableOf(content: string | Buffer) {
  const path = join(dir, 'file.csv');
  await writeFile(path, content);
  return readTable(path);
}

describe('readTable', () => {
  it('keys rows by the trimmed header, with the line each starts on, quoted line breaks and empty lines counted', async () => {
    const table = await tableOf(' a ,b\r\n1,2\r\n"x ""y""","two\r\nlines"\r\n\r\n3,4\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 3, values: { a: 'x "y"', b: 'two\r\nlines' } },
      { line: 6, values: { a: '3', b: '4' } },
    ]);
  });

  it('flags, each on its own line, a row with another number of fields and stray quotes, and reads on', async () => {
    const table = await tableOf('a,b\n1\n"q"x,2\nc"d,3\n4,5,6\n7,8\n');
    expect(table.rows.map(({ line, problem }) => ({ line, problem }))).toEqual([
      { line: 2, problem: '1 fields where the header has 2' },
      {
        line: 3,
        problem: 'a stray quote in column 1 (a quote inside an unquoted field, or text after a closing quote)',
      },
      {
        line: 4,
        problem: 'a stray quote in column 1 (a quote inside an unquoted field, or text after a closing quote)',
      },
      { line: 5, problem: '3 fields where the header has 2' },
      { line: 6, problem: undefined },
    ]);
  });

  it('flags a quoted field still open at the end of the file on the line it opened on', async () => {
    const table = await tableOf('a,b\n1,2\n"open,3\nmore\n');
    expect(table.rows).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 3, values: {}, problem: 'a quoted field is still open at the end of the file' },
    ]);
  });

  it('reads a file beginning with a byte order mark as the same file without it, and hashes the bytes as they are', async () => {
    const text = 'mesure,valeur\nÉgalité,1.0\n';
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const [plain, marked] = [await tableOf(text), await tableOf(withBom)];
    expect(marked.columns).toEqual(['mesure', 'valeur']);
    expect(marked.rows).toEqual(plain.rows);
    expect(marked.sha256).toBe(createHash('sha256').update(withBom).digest('hex'));
  });

  it('refuses bytes that are not UTF-8 (a Windows-1252 file) instead of mangling them', async () => {
    await expect(tableOf(Buffer.concat([Buffer.from('a\n'), Buffer.from([0xe9, 0x0a])]))).rejects.toThrow(
      new CsvEncodingError('file.csv: the text is not UTF-8 (from line 2)'),
    );
  });
});
