import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { importBarometre } from './import-barometre';
import { DEMO, SECTEURS, TODAY, expectEveryRowAccounted, release, seriesValues } from '../testing/barometre-releases';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import type { ImportSummary } from './types';

// Every well-formed row of every file shipped in demo-data/barometre is imported, whatever its layout or encoding marks.

/** Rows the import kept once because they repeat an earlier row, as its warning counts them. */
function repeatedRows(summary: ImportSummary): number {
  const warning = summary.warnings.find((w) => / rows of .* repeat the indicator/.test(w));
  return warning === undefined ? 0 : Number(/^(\d+) rows/.exec(warning)?.[1]);
}

describe('importBarometre: every well-formed row of the shipped files', () => {
  it.each([
    ['departements/detail-departement-01.csv', 1151],
    ['departements/detail-departement-2A.csv', 1062],
    ['departements/detail-departement-75.csv', 1107],
    ['departements/detail-departement-971.csv', 1150],
  ])('imports every row of %s (%d rows), read as detail-departemental', async (detail, rows) => {
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre(
      { detail: join(DEMO, detail), synthese: release('2023-01-19').synthese, secteurs: SECTEURS, today: TODAY },
      ledger,
    );
    expect(summary).toMatchObject({ rowsRead: rows, rowsRejected: 0, indicatorsRejected: [] });
    expect(summary.files[0]).toMatchObject({ layout: 'detail-departemental', rows });
    expectEveryRowAccounted(summary, repeatedRows(summary));
    const measured = seriesValues(ledger);
    expect(measured).toHaveLength(summary.measurementsAdded);
    expect(measured.every((e) => e.data.territory.level === 'departement')).toBe(true);
  });

  it.each(['2021-07-23', '2023-01-19'] as const)(
    'imports every row of the %s national release, its indicators without a target as monitored series',
    async (date) => {
      const ledger = new InMemoryLedger(TODAY);
      const summary = await importBarometre(release(date), ledger);
      expect(summary).toMatchObject({ rowsRejected: 0, indicatorsRejected: [] });
      expectEveryRowAccounted(summary, repeatedRows(summary));
      expect(summary.indicatorsMonitored.map((i) => i.indicatorId)).toContain('nb-morts-routes');
    },
  );
});

describe('importBarometre: a file beginning with a byte order mark', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'barometre-bom-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads the same as without it: same rows, same layouts, same events', async () => {
    // The same file names in another folder: only the three bytes of the mark differ.
    const plain = release('2023-01-19');
    const withBom = { ...plain, detail: join(dir, basename(plain.detail)), secteurs: join(dir, 'secteurs.csv') };
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    await writeFile(withBom.detail, Buffer.concat([bom, await readFile(plain.detail)]));
    await writeFile(withBom.secteurs, Buffer.concat([bom, await readFile(SECTEURS)]));

    const [ledger, bomLedger] = [new InMemoryLedger(TODAY), new InMemoryLedger(TODAY)];
    const summary = await importBarometre(plain, ledger);
    const bomSummary = await importBarometre(withBom, bomLedger);

    const withoutDigests = ({ files, ...rest }: ImportSummary) => ({ ...rest, files: files.map((f) => f.layout) });
    expect(withoutDigests(bomSummary)).toEqual(withoutDigests(summary));
    expect(bomSummary.rowsRejected).toBe(0);
    // The bytes are hashed as they are, mark included.
    expect(bomSummary.files[0].sha256).not.toBe(summary.files[0].sha256);
    expect(bomLedger.log.map((r) => r.event)).toEqual(ledger.log.map((r) => r.event));
  });
});

describe('importBarometre: the layouts Etalab published', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'barometre-layouts-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const mesure = 'Numérisation des petites et moyennes entreprises';
  const indicator = 'Diagnostics numériques,nb-diagnostics-individualises';

  it('reads a regional detail file (code_region, libelle_region) at the region level', async () => {
    const detail = join(dir, 'detail-regional.csv');
    await writeFile(
      detail,
      [
        'mesure,indicateur,id_indicateur,code_region,libelle_region,date,valeur,unite',
        `${mesure},${indicator},84,Auvergne-Rhône-Alpes,2021-06-30,2100.0,entreprises`,
        `${mesure},${indicator},11,Île-de-France,2021-06-30,3400.0,entreprises`,
      ].join('\n'),
    );
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre({ ...release('2023-01-19'), detail }, ledger);
    expect(summary.files[0]).toMatchObject({ file: 'detail-regional.csv', layout: 'detail-regional', rows: 2 });
    expect(summary).toMatchObject({ rowsRejected: 0, measurementsAdded: 2 });
    expect(seriesValues(ledger).map((e) => e.data.territory)).toEqual([
      { level: 'region', code: '84' },
      { level: 'region', code: '11' },
    ]);
  });

  it('refuses, before sending anything, a detail file with both a region and a département column', async () => {
    const detail = join(dir, 'both.csv');
    await writeFile(
      detail,
      `mesure,indicateur,id_indicateur,code_region,code_departement,date,valeur,unite\n${mesure},${indicator},84,01,2021-06-30,1.0,u\n`,
    );
    const ledger = new InMemoryLedger(TODAY);
    await expect(importBarometre({ ...release('2023-01-19'), detail }, ledger)).rejects.toThrow(
      'both.csv has both code_region and code_departement columns: no published layout has both',
    );
    expect(ledger.sent).toEqual([]);
  });
});
