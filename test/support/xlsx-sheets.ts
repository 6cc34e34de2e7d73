// Test support: the cells of a workbook's sheets, read back from the .xlsx (a zip of XML parts) as far as a written
// pack needs: sheet names in order, shared strings and inline numbers. Enough to check what a spreadsheet would show.
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export type SheetCell = string | number | null;

function zipParts(zip: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file: ZipFile) => {
      if (error) return reject(error);
      const parts = new Map<string, string>();
      file.on('entry', (entry: Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(parts));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** A1-style column letters to a 0-based index: A → 0, P → 15, AA → 26. */
function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? '';
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

function sheetRows(xml: string, shared: readonly string[]): SheetCell[][] {
  return [...xml.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map(([, row]) => {
    const cells: SheetCell[] = [];
    for (const [, reference, attributes, value] of row.matchAll(
      /<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g,
    )) {
      const index = columnIndex(reference);
      while (cells.length < index) cells.push(null);
      cells[index] = attributes.includes('t="s"') ? shared[Number(value)] : Number(value);
    }
    return cells;
  });
}

/** Each sheet's rows by sheet name, in the workbook's order; a cell not written reads null. */
export async function readWorkbook(xlsx: Buffer): Promise<Map<string, SheetCell[][]>> {
  const parts = await zipParts(xlsx);
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/gs)].map(
    ([, text]) => unescapeXml(text),
  );
  const names = [...(parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map(([, name]) =>
    unescapeXml(name),
  );
  return new Map(names.map((name, i) => [name, sheetRows(parts.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '', shared)]));
}

/** The day an Excel date serial stands for (1900 date system, as written by write-excel-file), as YYYY-MM-DD. */
export function excelDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}
