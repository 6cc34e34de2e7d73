import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeImportSummary } from './describe-summary';
import { importBarometre } from './import-barometre';
import { projectIdForMesure } from './mapping';
import { parseRenames, Renames } from './renames';
import { active } from '../testing/barometre-releases';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import type { ImportRequest } from './types';

const TODAY = '2023-06-30';
const DETAIL_HEADER = 'mesure,indicateur,id_indicateur,maille_geographique,date,valeur,unite';
const SYNTHESE_HEADER =
  'mesure,indicateur,id_indicateur,maille_geographique,valeur_actuelle,date_valeur_actuelle,valeur_initiale,' +
  'date_valeur_initiale,progression,pourcentage_progression,progression_derniere_maj,' +
  'pourcentage_progression_derniere_maj,progression_derniere_maj_date,cible,pourcentage_cible,date_cible,unite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometre-revisions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A release of one mesure and one indicator (`nb-vaccins`): its detail values and its synthesis target. */
async function releaseOf(
  date: string,
  mesure: string,
  values: readonly [string, number][],
  target: number,
): Promise<ImportRequest> {
  const detail = join(dir, `${date}-detail-national.csv`);
  const synthese = join(dir, `${date}-synthese-national.csv`);
  const rows = values.map(
    ([period, value]) => `${mesure},Vaccins posés,nb-vaccins,national,${period},${value},vaccins`,
  );
  await writeFile(detail, [DETAIL_HEADER, ...rows, ''].join('\n'));
  const [lastPeriod, lastValue] = values[values.length - 1];
  const synthesis = `${mesure},Vaccins posés,nb-vaccins,national,${lastValue},${lastPeriod},100,2020-01-31,,,,,,${target},,2022-12-31,vaccins`;
  await writeFile(synthese, [SYNTHESE_HEADER, synthesis, ''].join('\n'));
  return { detail, synthese, today: TODAY };
}

describe('importBarometre: a target revised by a later synthesis', () => {
  it('becomes one redesign moving the target, decided by the release on its date; a re-import changes nothing', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(await releaseOf('2021-07-23', 'Vacciner', [['2021-03-31', 150]], 500), ledger);

    const later = await importBarometre(
      await releaseOf(
        '2023-01-19',
        'Vacciner',
        [
          ['2021-03-31', 150],
          ['2022-06-30', 300],
        ],
        600,
      ),
      ledger,
    );

    expect(later).toMatchObject({ projectsRetargeted: 1, targetsRevised: 1, projectsRedesigned: 0 });
    expect(describeImportSummary(later)).toContain('targets revised:        1 (redesigns decided by the release: 1)');
    expect(later.warnings.filter((w) => w.includes('nb-vaccins'))).toEqual([]);
    expect(ledger.sent.filter((s) => s.command.type === 'RedesignProject').map((s) => s.command)).toEqual([
      {
        type: 'RedesignProject',
        projectId: 'vacciner',
        reason: 'cible révisée par la publication du Baromètre du 2023-01-19',
        decidedOn: '2023-01-19',
        changes: {
          indicators: {
            retargeted: [
              {
                indicatorId: 'nb-vaccins',
                from: { value: 500, by: '2022-12-31' },
                to: { value: 600, by: '2022-12-31' },
              },
            ],
          },
        },
      },
    ]);
    const project = active(await ledger.project('vacciner'));
    expect(project.indicators['nb-vaccins'].target).toEqual({ value: 600, by: '2022-12-31' });
    expect(project.planVersion).toBe(2);

    const events = ledger.log.length;
    const again = await importBarometre(
      await releaseOf(
        '2023-01-19',
        'Vacciner',
        [
          ['2021-03-31', 150],
          ['2022-06-30', 300],
        ],
        600,
      ),
      ledger,
    );
    expect(again).toMatchObject({ projectsRetargeted: 0, targetsRevised: 0 });
    expect(ledger.log.length).toBe(events);
  });

  it('leaves the target in force, with a warning, when the domain refuses the revised one', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(await releaseOf('2021-07-23', 'Vacciner', [['2021-03-31', 150]], 500), ledger);

    // Below the baseline (100) of an increasing indicator: the domain refuses the move.
    const later = await importBarometre(await releaseOf('2023-01-19', 'Vacciner', [['2021-03-31', 150]], 50), ledger);

    expect(later).toMatchObject({ projectsRetargeted: 0, targetsRevised: 0, rowsRejected: 0 });
    expect(later.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^vacciner\/nb-vaccins: the synthesis revises its target to 50 by 2022-12-31, refused by the domain/,
        ),
      ]),
    );
    expect(active(await ledger.project('vacciner')).indicators['nb-vaccins'].target).toEqual({
      value: 500,
      by: '2022-12-31',
    });
  });
});

describe('importBarometre: renamed mesures', () => {
  async function renamesFile(json: unknown): Promise<string> {
    const path = join(dir, 'renames.json');
    await writeFile(path, typeof json === 'string' ? json : JSON.stringify(json));
    return path;
  }

  it('goes on in the first title’s project when the renames file maps the new title to it', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(await releaseOf('2021-07-23', 'Vacciner les adultes', [['2021-03-31', 150]], 500), ledger);
    const renames = await renamesFile({ mesures: [{ from: 'Vacciner les adultes', to: 'Vacciner la population' }] });

    const later = await importBarometre(
      {
        ...(await releaseOf(
          '2023-01-19',
          'Vacciner la population',
          [
            ['2021-03-31', 150],
            ['2022-06-30', 300],
          ],
          500,
        )),
        renames,
      },
      ledger,
    );

    expect(later).toMatchObject({
      projectsLaunched: 0,
      measurementsAdded: 1,
      measurementsUnchanged: 1,
      rowsRejected: 0,
    });
    expect((await ledger.project(projectIdForMesure('Vacciner la population'))).status).toBe('not_launched');
    const project = active(await ledger.project('vacciner-les-adultes'));
    expect(Object.keys(project.measurements['nb-vaccins']['national:FR'])).toEqual(['2021-03-31', '2022-06-30']);
  });

  it('launches a new project for the new title without a rename', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(await releaseOf('2021-07-23', 'Vacciner les adultes', [['2021-03-31', 150]], 500), ledger);

    const later = await importBarometre(
      await releaseOf('2023-01-19', 'Vacciner la population', [['2022-06-30', 300]], 500),
      ledger,
    );

    expect(later.projectsLaunched).toBe(1);
  });

  it.each([
    ['not JSON', '{"mesures": [', /renames\.json is not a renames file: .*JSON/],
    ['not an object', [], /renames\.json is not a renames file: it is not a JSON object/],
    ['without a list of mesures', { mesures: {} }, /"mesures" is not a list/],
    ['with an unknown key', { mesures: [], renames: [] }, /unknown key "renames"/],
    ['with an entry lacking its new title', { mesures: [{ from: 'A b' }] }, /mesures\[0\]\.to is not a mesure title/],
    ['renaming a title to itself', { mesures: [{ from: 'A b', to: 'a, B' }] }, /renames "A b" to the same title/],
  ])('refuses a renames file %s before importing anything', async (_, json, message) => {
    const ledger = new InMemoryLedger(TODAY);
    const request = await releaseOf('2021-07-23', 'Vacciner', [['2021-03-31', 150]], 500);

    await expect(importBarometre({ ...request, renames: await renamesFile(json) }, ledger)).rejects.toThrow(message);
    expect(ledger.log).toHaveLength(0);
  });

  it('follows a title renamed twice back to the first, and refuses renames going round in a circle', () => {
    const twice = Renames.of(
      parseRenames(
        {
          mesures: [
            { from: 'A', to: 'B' },
            { from: 'B', to: 'C' },
          ],
        },
        'r.json',
      ),
    );
    expect(twice.identityOf('C')).toEqual({ projectId: projectIdForMesure('A'), mesureSlug: 'a' });
    expect(() =>
      Renames.of([
        { from: 'A', to: 'B' },
        { from: 'B', to: 'A' },
      ]),
    ).toThrow(/go round in a circle/);
  });

  it('ships the renames found in the 2021-07-23 and 2023-01-19 releases', async () => {
    const shipped = await Renames.load();
    expect(shipped.identityOf('Faciliter l’accès au logement des personnes sans-abri').projectId).toBe(
      projectIdForMesure('Offrir un logement aux sans-abri : Logement d’abord'),
    );
  });
});
