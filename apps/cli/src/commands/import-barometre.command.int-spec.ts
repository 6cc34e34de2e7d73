import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../main';

// `portfolio import barometre` run in this process on an embedded SQLite ledger: its exit status and what it prints.

const DEMO = join(__dirname, '../../../../demo-data/barometre');
const SYNTHESE = join(DEMO, 'releases/2023-01-19-synthese-national.csv');
const SECTEURS = join(DEMO, 'secteurs.csv');
const HEADER = 'mesure,indicateur,id_indicateur,maille_geographique,date,valeur,unite';
const row = (date: string, value: string) =>
  `Numérisation des petites et moyennes entreprises,Diagnostics numériques,nb-diagnostics-individualises,national,${date},${value},entreprises`;

let dir: string;
let dataDirBefore: string | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portfolio-import-cli-'));
  dataDirBefore = process.env.PORTFOLIO_DATA_DIR;
  process.env.PORTFOLIO_DATA_DIR = join(dir, 'data');
});
afterEach(async () => {
  if (dataDirBefore === undefined) delete process.env.PORTFOLIO_DATA_DIR;
  else process.env.PORTFOLIO_DATA_DIR = dataDirBefore;
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command; returns its exit status and output, leaving the test process's own exit status as it was. */
async function importBarometre(...args: string[]): Promise<{ readonly code: number; readonly stdout: string }> {
  const written: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const exitCodeBefore = process.exitCode;
  try {
    process.exitCode = undefined;
    await buildProgram().parseAsync(['node', 'portfolio', 'import', 'barometre', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout: written.join('') };
  } finally {
    process.exitCode = exitCodeBefore;
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function detailWithOneBadRow(): Promise<string> {
  const detail = join(dir, 'one-bad-row.csv');
  await writeFile(detail, [HEADER, row('2021-06-30', '16960.0'), row('2021-07-31', 'n/a'), ''].join('\n'));
  return detail;
}

describe('portfolio import barometre: exit status', () => {
  it('exits 1 when rows were rejected, listing each as file:line with its reason, and imports the others', async () => {
    const detail = await detailWithOneBadRow();
    const run = await importBarometre('--detail', detail, '--synthese', SYNTHESE, '--secteurs', SECTEURS);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('one-bad-row.csv:3: valeur "n/a" is not a number');
    expect(run.stdout).toContain('1 added, 0 restated, 0 unchanged');
  }, 60_000);

  it('exits 0 with --allow-rejects, still listing the rejected rows', async () => {
    const detail = await detailWithOneBadRow();
    const args = ['--detail', detail, '--synthese', SYNTHESE, '--secteurs', SECTEURS, '--allow-rejects'];
    const run = await importBarometre(...args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('one-bad-row.csv:3: valeur "n/a" is not a number');
  }, 60_000);

  it('exits 0 when every row of a shipped release is imported, naming the layout each file was read as', async () => {
    const detail = join(DEMO, 'releases/2023-01-19-detail-national.csv');
    const run = await importBarometre('--detail', detail, '--synthese', SYNTHESE, '--secteurs', SECTEURS);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rows rejected:          0');
    expect(run.stdout).toContain('file 2023-01-19-detail-national.csv: read as detail-national (1240 rows');
    expect(run.stdout).toContain('file 2023-01-19-synthese-national.csv: read as synthese-national (59 rows');
  }, 120_000);

  it("takes a regional synthesis as --synthese after the national one, saying how many regions' values it published", async () => {
    const detail = join(DEMO, 'releases/2023-01-19-detail-national.csv');
    await importBarometre('--detail', detail, '--synthese', SYNTHESE, '--secteurs', SECTEURS);
    const regional = join(DEMO, 'releases/2023-01-19-synthese-regional.csv');
    const run = await importBarometre('--detail', detail, '--synthese', regional, '--secteurs', SECTEURS);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('file 2023-01-19-synthese-regional.csv: read as synthese-regional (880 rows');
    expect(run.stdout).toContain('territorial VA:         862 published for a region or département, new or changed');
  }, 120_000);

  it('fails (exit 2 from bin/portfolio.js) before importing anything when a file is of no published layout', async () => {
    const detail = join(dir, 'no-value.csv');
    await writeFile(detail, 'mesure,indicateur,id_indicateur,date,unite\nm,i,x,2021-01-31,u\n');
    await expect(importBarometre('--detail', detail)).rejects.toThrow(
      'no-value.csv: missing column(s) valeur of the detail-national layout',
    );
  }, 60_000);

  it('fails (exit 2) before importing anything when the --renames file is malformed', async () => {
    const detail = join(dir, 'detail.csv');
    await writeFile(detail, [HEADER, row('2021-01-31', '4106.0'), ''].join('\n'));
    const renames = join(dir, 'renames.json');
    await writeFile(renames, JSON.stringify({ mesures: [{ from: 'Numérisation des PME' }] }));
    await expect(importBarometre('--detail', detail, '--renames', renames)).rejects.toThrow(
      'renames.json is not a renames file: mesures[0].to is not a mesure title',
    );
  }, 60_000);

  it.each([
    [
      'a detail file that does not exist',
      () => ['--detail', join(dir, 'missing.csv')],
      'there is no such file or folder',
    ],
    ['a folder given as the detail file', () => ['--detail', dir], 'it is a folder, not a file'],
    [
      'a renames file that does not exist',
      () => ['--detail', join(DEMO, 'secteurs.csv'), '--renames', join(dir, 'renames.json')],
      'there is no such file or folder',
    ],
  ])(
    'fails (exit 2) saying why in words when %s',
    async (_, args, why) => {
      const failure = await importBarometre(...args()).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(new RegExp(`^(the renames file )?\\S+ cannot be read: ${why}$`));
    },
    60_000,
  );
});
