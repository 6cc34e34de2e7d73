import { NATIONAL_TERRITORY, knownValue, type DomainCommand } from '@portfolio/domain';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeImportSummary } from './describe-summary';
import { importBarometre } from './import-barometre';
import { projectIdForMesure } from './mapping';
import {
  DEMO,
  SECTEURS,
  TODAY,
  active,
  expectEveryRowAccounted,
  release,
  seriesValues,
} from '../testing/barometre-releases';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import type { ImportRequest } from './types';

const NUMERISATION = projectIdForMesure('Numérisation des petites et moyennes entreprises');

/** The README's example: the number of SME diagnostics known for 2021-06-30, nationally. */
async function diagnosticsOfJune2021(ledger: InMemoryLedger): Promise<number | undefined> {
  const { measurements } = active(await ledger.project(NUMERISATION));
  return knownValue(measurements, 'nb-diagnostics-individualises', NATIONAL_TERRITORY, '2021-06-30');
}

/** The data rows of a shipped file that name the indicator. */
async function rowsOf(file: string, indicatorId: string): Promise<number> {
  const text = await readFile(join(DEMO, file), 'utf8');
  return text.split('\n').filter((line) => line.split(',').includes(indicatorId)).length;
}

describe('importBarometre: mapping a release onto the portfolio', () => {
  it('maps the 2023-01-19 release: every well-formed row imported, 43 mesure projects, 57 indicators, 1,228 measurements', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre(release('2023-01-19'), ledger);

    expect(summary).toMatchObject({
      missionsDefined: 10,
      projectsLaunched: 43,
      projectsRedesigned: 0,
      indicatorsDefined: 57,
      measurementsAdded: 1228,
      measurementsRestated: 0,
      measurementsUnchanged: 0,
      // Every indicator of the synthesis publishes its current value (valeur_actuelle).
      currentValuesPublished: 57,
      rowsRead: 1240,
      rowsRejected: 0,
      rejected: [],
      indicatorsRejected: [],
      aborted: false,
    });
    // The 12 rows of nb-logement-accompagnement listed under a second label repeat the first ones.
    expectEveryRowAccounted(summary, 12);
    expect(summary.files).toEqual([
      { file: '2023-01-19-detail-national.csv', layout: 'detail-national', rows: 1240, sha256: expect.any(String) },
      { file: '2023-01-19-synthese-national.csv', layout: 'synthese-national', rows: 59, sha256: expect.any(String) },
      { file: 'secteurs.csv', layout: 'secteurs', rows: 59, sha256: expect.any(String) },
    ]);
    expect(ledger.eventsOf('MissionDefined').map((e) => e.data.missionCode)).toEqual(
      expect.arrayContaining([
        'AGRICULTURE',
        'ECONOMIE-EMPLOI',
        'SERVICES-PUBLICS-ET-TERRITOIRES',
        'TRANSITION-ECOLOGIQUE',
      ]),
    );
    expect(ledger.eventsOf('MissionDefined')[0].data).toMatchObject({
      programme: 'Baromètre des résultats de l’action publique',
      definedOn: '2017-01-01',
    });
    expect(seriesValues(ledger)).toHaveLength(1228);
    expect(ledger.eventsOf('IndicatorMeasured').filter((e) => e.data.publishedCurrent === true)).toHaveLength(57);
    const described = describeImportSummary(summary);
    expect(described).toContain('projects launched:      43 (redesigned to add indicators: 0)');
    expect(described).toContain('file 2023-01-19-detail-national.csv: read as detail-national (1240 rows, sha256 ');

    // The 8 indicators of the synthesis without a target (cible) are monitored series, their rows all recorded.
    expect(summary.indicatorsMonitored.map((i) => i.indicatorId).sort()).toEqual([
      'nb-atteintes-biens',
      'nb-atteintes-personnes',
      'nb-controles-clir',
      'nb-entreprises-industrielles-agricoles',
      'nb-logements-renoves-petites-villes',
      'nb-morts-routes',
      'nb-ordonnances-delivrees',
      'nombre-recrutements-jeunes',
    ]);
    expect(summary.indicatorsMonitored.find((i) => i.indicatorId === 'nb-morts-routes')?.reason).toBe(
      'no target in the synthesis file (cible is empty) (2023-01-19-synthese-national.csv line 31)',
    );
    const routes = active(await ledger.project(projectIdForMesure('Réduire la mortalité sur les routes')));
    expect(routes.indicators['nb-morts-routes']).toEqual({
      indicatorId: 'nb-morts-routes',
      label: expect.any(String),
      unit: expect.any(String),
      baseline: expect.objectContaining({ value: expect.any(Number) }),
      retired: false,
    });
    const roadDeathRows = seriesValues(ledger).filter((e) => e.data.indicatorId === 'nb-morts-routes').length;
    expect(roadDeathRows).toBe(await rowsOf('releases/2023-01-19-detail-national.csv', 'nb-morts-routes'));
    expect(roadDeathRows).toBeGreaterThan(0);
  });

  it('defines an indicator from its synthesis row: label, unit, baseline, target, and a decreasing direction', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(release('2023-01-19'), ledger);
    const project = active(
      await ledger.project(projectIdForMesure('Simplifier l’accès aux droits des personnes handicapées')),
    );
    expect(project).toMatchObject({
      projectId: 'simplifier-l-acces-aux-droits-des-personnes-handicapees',
      missionCode: 'SANTE-FAMILLE',
      title: 'Simplifier l’accès aux droits des personnes handicapées',
      planVersion: 1,
    });
    expect(project.indicators['duree-moyenne-traitement-demandes-allocation-adulte-handicape']).toEqual({
      indicatorId: 'duree-moyenne-traitement-demandes-allocation-adulte-handicape',
      label: 'Durée moyenne de traitement pour les demandes d’allocation adulte handicapé',
      unit: 'mois de traitement',
      direction: 'decrease',
      baseline: { value: 4.3, on: '2017-12-31' },
      target: { value: 3, by: '2022-12-31' },
      retired: false,
    });

    const rep = active(
      await ledger.project(
        // Renamed from its 2021 title (renames.json): the project keeps the first title's id.
        projectIdForMesure('Dédoubler les classes en REP (grande section, CP, CE1)'),
      ),
    );
    expect(rep.indicators['tx-gs-rep']).toMatchObject({
      direction: 'increase',
      baseline: { value: 4, on: '2019-11-30' },
      target: { value: 74, by: '2022-11-30' },
    });
    // Launched on the earliest of its baselines and first values.
    expect(rep.launchedOn).toBe('2019-10-31');
  });

  it('maps the 2021-07-23 release: every well-formed row imported, monitored series where its synthesis lacks dates', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre(release('2021-07-23'), ledger);
    expect(summary).toMatchObject({
      missionsDefined: 10,
      projectsLaunched: 43,
      indicatorsDefined: 57,
      measurementsAdded: 671,
      rowsRead: 695,
      rowsRejected: 0,
      indicatorsRejected: [],
    });
    expect(summary.indicatorsMonitored).toHaveLength(21);
    expect(summary.indicatorsMonitored.find((i) => i.indicatorId === 'nb-points-recharge')?.reason).toMatch(
      /^no baseline date in the synthesis file \(date_valeur_initiale is empty\)/,
    );
    expectEveryRowAccounted(summary, 24);
  });
});

describe('importBarometre: re-imports and later releases', () => {
  it('appends nothing when the same release is imported twice, and sends no command', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(release('2023-01-19'), ledger);
    const events = ledger.log.length;
    const sends = ledger.sent.length;

    const again = await importBarometre(release('2023-01-19'), ledger);

    expect(ledger.log.length).toBe(events);
    expect(ledger.sent.length).toBe(sends);
    expect(again).toMatchObject({
      missionsDefined: 0,
      projectsLaunched: 0,
      projectsRedesigned: 0,
      indicatorsDefined: 0,
      measurementsAdded: 0,
      measurementsRestated: 0,
      measurementsUnchanged: 1228,
      batchesSent: 0,
      currentValuesPublished: 0,
    });
  });

  it('restates the values a later release changed, adds its new values and its new projects', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(release('2021-07-23'), ledger);
    const before = ledger.log.length;
    expect(await diagnosticsOfJune2021(ledger)).toBe(16960);

    const later = await importBarometre(release('2023-01-19'), ledger);

    const appended = ledger.log.slice(before).map((r) => r.event);
    const measured = appended
      .filter((e) => e.type === 'IndicatorMeasured')
      .filter((e) => e.data.publishedCurrent === undefined);
    const restatements = measured.filter((e) => e.data.supersedes !== undefined);
    expect(later).toMatchObject({
      missionsDefined: 0,
      // The four mesures renamed in 2023 go on in their 2021 projects (renames.json): no project is launched.
      projectsLaunched: 0,
      projectsRedesigned: 0,
      projectsRetargeted: 5,
      targetsRevised: 5,
      indicatorsDefined: 0,
      measurementsAdded: 579,
      measurementsRestated: 244,
      measurementsUnchanged: 405,
      rowsRejected: 0,
    });
    expect(restatements).toHaveLength(later.measurementsRestated);
    expect(measured).toHaveLength(later.measurementsAdded + later.measurementsRestated);

    // The README's example: 16960 in the 2021-07-23 release, 15861 in the 2023-01-19 one.
    const diagnostics = restatements.filter(
      (e) => e.data.indicatorId === 'nb-diagnostics-individualises' && e.data.period === '2021-06-30',
    );
    expect(diagnostics.map((e) => e.data)).toEqual([
      {
        projectId: NUMERISATION,
        indicatorId: 'nb-diagnostics-individualises',
        value: 15861,
        decimals: 0,
        period: '2021-06-30',
        territory: NATIONAL_TERRITORY,
        source:
          'Baromètre des résultats de l’action publique, Etalab, release of 2023-01-19 (2023-01-19-detail-national.csv)',
        release: { series: 'barometre', id: '2023-01-19', publishedOn: '2023-01-19' },
        supersedes: 16960,
      },
    ]);
    expect(await diagnosticsOfJune2021(ledger)).toBe(15861);
    // Every value names the release it was recorded from, those of 2021 as those of 2023.
    const releasesOf = (events: typeof appended) =>
      new Set(events.flatMap((e) => (e.type === 'IndicatorMeasured' ? [JSON.stringify(e.data.release)] : [])));
    expect(releasesOf(appended)).toEqual(
      new Set([JSON.stringify({ series: 'barometre', id: '2023-01-19', publishedOn: '2023-01-19' })]),
    );
    expect(releasesOf(ledger.log.slice(0, before).map((r) => r.event))).toEqual(
      new Set([JSON.stringify({ series: 'barometre', id: '2021-07-23', publishedOn: '2021-07-23' })]),
    );

    // A monitored series of 2021 (no baseline date) stays one when the 2023 synthesis gives it a target: the import
    // reports the difference (the import only moves a target in force; giving one is for the programme office to decide).
    const cars = active(await ledger.project('verdir-le-parc-automobile'));
    expect(cars.indicators['nb-points-recharge'].target).toBeUndefined();
    expect(Object.keys(cars.measurements)).toContain('nb-points-recharge');
    expect(later.warnings).toContain(
      'verdir-le-parc-automobile/nb-points-recharge: the synthesis has baseline 27745 on 2019-09-30, target 100000 by 2022-03-31, ' +
        'the plan in force baseline none, target none; the plan is left as it is (the import only follows a revised target of a targeted indicator)',
    );
    // A target the 2023 synthesis revised is moved by a redesign the release decided, on its date.
    const retargets = appended.filter((e) => e.type === 'ProjectRedesigned');
    expect(retargets).toHaveLength(later.projectsRetargeted);
    expect(retargets.find((e) => e.data.projectId === 'deployer-le-pass-culture')?.data).toMatchObject({
      reason: 'cible révisée par la publication du Baromètre du 2023-01-19',
      decidedOn: '2023-01-19',
      changes: {
        indicators: {
          added: [],
          retired: [],
          retargeted: [
            {
              indicatorId: 'nb-utilisateurs-pass-culture',
              from: { value: 1377000, by: '2022-12-31' },
              to: { value: 1538386, by: '2022-12-31' },
            },
          ],
        },
      },
    });
    // The warning on what else differs from the plan in force names the revised target as the one in force.
    expect(later.warnings.filter((w) => w.includes('target 1377000'))).toEqual([]);

    // And importing the later release again appends nothing.
    const after = ledger.log.length;
    const again = await importBarometre(release('2023-01-19'), ledger);
    expect(ledger.log.length).toBe(after);
    expect(again).toMatchObject({
      measurementsAdded: 0,
      measurementsRestated: 0,
      projectsRetargeted: 0,
      targetsRevised: 0,
    });
  });
});

describe('importBarometre: bad rows', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'barometre-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const header = 'mesure,indicateur,id_indicateur,maille_geographique,date,valeur,unite';
  const mesure = 'Numérisation des petites et moyennes entreprises';
  const label = "Nombre d'entreprises ayant disposé d'un diagnostic numérique et d'un plan d'action individualisé";
  const row = (date: string, value: string, id = 'nb-diagnostics-individualises', m = mesure) =>
    `${m},${label},${id},national,${date},${value},entreprises`;

  it('rejects each bad row with its line and reason, and imports the others', async () => {
    const detail = join(dir, 'bad-detail.csv');
    await writeFile(
      detail,
      [
        header,
        row('2021-06-30', '16960.0'), // line 2
        row('2021-07-31', 'abc'), // 3: not a number
        row('2021-02-30', '100.0'), // 4: no such day
        row('2021-08-31', '1.0', 'nb-inconnu'), // 5: not in the synthesis, well-formed: a monitored series
        row('2021-09-30', '2.0', 'nb-diagnostics-individualises', ''), // 6: empty mesure
        `"${mesure}","${label},\nsur deux lignes",nb-diagnostics-individualises,national,2021-10-31,20000.0,entreprises`, // 7-8
        row('2021-11-30', '0.0'), // 9: kept, a zero may be a missing value but cannot be told from one
        row('2021-06-30', '17000.0'), // 10: contradicts line 2
        `"${mesure}"x,${label},nb-diagnostics-individualises,national,2021-12-31,1.0,entreprises`, // 11: after a quote
        row('2021-12-31', ''), // 12: empty value
        row('2023-09-30', '5.0'), // 13: more than 31 days ahead
        '',
        row('2022-01-31', '25000.0'), // 15
      ].join('\r\n'),
    );
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre({ ...release('2023-01-19'), detail }, ledger);

    expect(summary.rejected).toEqual([
      { file: 'bad-detail.csv', line: 3, reason: 'valeur "abc" is not a number' },
      { file: 'bad-detail.csv', line: 4, reason: 'date "2021-02-30" is not a calendar date (YYYY-MM-DD)' },
      { file: 'bad-detail.csv', line: 6, reason: 'empty mesure' },
      {
        file: 'bad-detail.csv',
        line: 10,
        reason: 'the value 17000 contradicts line 2 (16960) for the same indicator, territory and period',
      },
      {
        file: 'bad-detail.csv',
        line: 11,
        reason: 'a stray quote in column 1 (a quote inside an unquoted field, or text after a closing quote)',
      },
      { file: 'bad-detail.csv', line: 12, reason: 'valeur is empty' },
      { file: 'bad-detail.csv', line: 13, reason: 'date 2023-09-30 ends more than 31 days after today (2023-06-30)' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 12, rowsRejected: 7, projectsLaunched: 1, measurementsAdded: 5 });
    expect(summary.indicatorsMonitored).toEqual([
      { projectId: NUMERISATION, indicatorId: 'nb-inconnu', reason: 'nb-inconnu is not in the synthesis file' },
    ]);
    const values = active(await ledger.project(NUMERISATION)).measurements['nb-diagnostics-individualises'][
      'national:FR'
    ];
    expect(values).toEqual({ '2021-06-30': 16960, '2021-10-31': 20000, '2021-11-30': 0, '2022-01-31': 25000 });
  });

  it('rejects with its reason the rows of a mesure whose name carries a bidirectional override, and imports the others', async () => {
    const detail = join(dir, 'bidi-detail.csv');
    const indicator = 'Nombre d’utilisateurs du pass Culture de 18 ans,nb-utilisateurs-pass-culture';
    const passCulture = (date: string, value: string) =>
      `Déployer le pass\u202e Culture,${indicator},national,${date},${value},utilisateurs`;
    await writeFile(
      detail,
      [
        header,
        row('2021-06-30', '16960.0'),
        passCulture('2019-07-31', '12604.0'),
        passCulture('2019-08-31', '14429.0'),
      ].join('\n'),
    );
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre({ ...release('2023-01-19'), detail }, ledger);

    expect(summary.rejected).toEqual(
      [3, 4].map((line) => ({
        file: 'bidi-detail.csv',
        line,
        reason: expect.stringMatching(/title holds U\+202E, a bidirectional embedding, override or isolate/),
      })),
    );
    expect(summary).toMatchObject({ rowsRead: 3, rowsRejected: 2, projectsLaunched: 1, measurementsAdded: 1 });
    expect(JSON.stringify(ledger.log)).not.toContain('\u202e');
  });

  it('fails before sending anything when a file lacks a column, its layout is not of the level asked, or a territorial synthesis is of another release', async () => {
    const detail = join(dir, 'no-value.csv');
    await writeFile(detail, 'mesure,indicateur,id_indicateur,date,unite\nm,i,x,2021-01-31,u\n');
    const ledger = new InMemoryLedger(TODAY);
    await expect(importBarometre({ ...release('2023-01-19'), detail }, ledger)).rejects.toThrow(
      'no-value.csv: missing column(s) valeur',
    );
    await expect(
      importBarometre(
        { ...release('2023-01-19'), detail: join(DEMO, 'departements/detail-departement-2A.csv'), level: 'national' },
        ledger,
      ),
    ).rejects.toThrow(
      'detail-departement-2A.csv has a code_departement column (layout detail-departemental): its values are at the departement level, not national',
    );
    await expect(
      importBarometre(
        { ...release('2021-07-23'), synthese: join(DEMO, 'releases/2023-01-19-synthese-regional.csv') },
        ledger,
      ),
    ).rejects.toThrow(
      '2023-01-19-synthese-regional.csv was published in the release of 2023-01-19, and the detail file (or releasedOn) names the release of 2021-07-23',
    );
    expect(ledger.sent).toEqual([]);
  });

  it('without a synthesis, takes the first value as baseline and the last as target, and says so', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const request: ImportRequest = { ...release('2021-07-23'), synthese: undefined };
    const summary = await importBarometre(request, ledger);
    expect(summary.warnings).toContain(
      'no synthesis file: each new indicator takes its first value (earliest date) as baseline and its last value (latest date) as target',
    );
    const siae = active(
      await ledger.project(projectIdForMesure("Pacte d'ambition pour l'insertion par l'activité économique")),
    );
    expect(siae.indicators['nb-beneficiaires-siae']).toMatchObject({
      direction: 'increase',
      baseline: { value: 127251, on: '2017-01-31' },
      target: { value: 145123, by: '2021-03-31' },
    });
    expect(summary.indicatorsRejected).toEqual([]);
    expect(summary.indicatorsMonitored.length).toBeGreaterThan(0);
    expect(summary.indicatorsMonitored.every((i) => /no target can be derived/.test(i.reason))).toBe(true);
    expectEveryRowAccounted(summary, 24);
  });
});

describe('importBarometre: the release values name', () => {
  it('names no release on values whose release is dated after today, and says so', async () => {
    const ledger = new InMemoryLedger(TODAY);

    const summary = await importBarometre({ ...release('2023-01-19'), releasedOn: '2023-07-01' }, ledger);

    expect(summary.measurementsAdded).toBeGreaterThan(0);
    expect(ledger.eventsOf('IndicatorMeasured').every((e) => e.data.release === undefined)).toBe(true);
    expect(summary.warnings).toContain(
      `the release's date 2023-07-01 is after today (${TODAY}): values name no release`,
    );
  });
});

describe('importBarometre: without a secteurs file', () => {
  it('puts every project into one mission, and says so', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre({ ...release('2023-01-19'), secteurs: undefined }, ledger);
    expect(summary).toMatchObject({ missionsDefined: 1, projectsLaunched: 43 });
    expect(summary.warnings).toContain('no secteurs file: every project goes into mission BAROMETRE');
    expect(ledger.eventsOf('ProjectLaunched').every((e) => e.data.missionCode === 'BAROMETRE')).toBe(true);
  });
});

describe('importBarometre: territories', () => {
  const departement2A: ImportRequest = {
    detail: join(DEMO, 'departements/detail-departement-2A.csv'),
    synthese: release('2023-01-19').synthese,
    secteurs: SECTEURS,
    level: 'departement',
    today: TODAY,
  };

  it('records a département file against its département, beside the national values', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(release('2023-01-19'), ledger);
    const national = ledger.eventsOf('IndicatorMeasured').length;

    const summary = await importBarometre(departement2A, ledger);

    expect(summary).toMatchObject({ projectsLaunched: 0, missionsDefined: 0, measurementsAdded: 1050, rowsRead: 1062 });
    const added = ledger.eventsOf('IndicatorMeasured').slice(national);
    expect(added).toHaveLength(1050);
    expect(added.every((e) => e.data.territory.level === 'departement' && e.data.territory.code === '2A')).toBe(true);
    // The file's name does not give its release: its values name none, and the summary says so.
    expect(added.every((e) => e.data.release === undefined)).toBe(true);
    expect(summary.warnings).toContain(
      "the name of detail-departement-2A.csv does not start with the release's date: values name no release",
    );
    const recidive = active(
      await ledger.project(
        projectIdForMesure('Lutter contre la récidive par une meilleure insertion professionnelle des condamnés'),
      ),
    );
    expect(recidive.measurements['tx-detenus-formation']['departement:2A']['2021-06-30']).toBe(9);
    expect(Object.keys(recidive.measurements['tx-detenus-formation'])).toEqual(['national:FR', 'departement:2A']);
    expectEveryRowAccounted(summary, 12);
  });

  it('launches the projects of a département file imported first, then adds the national file’s new indicators by a redesign', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre(departement2A, ledger);
    expect(summary).toMatchObject({
      missionsDefined: 10,
      projectsLaunched: 39,
      indicatorsDefined: 50,
      measurementsAdded: 1050,
    });
    const before = ledger.log.length;

    const national = await importBarometre(release('2023-01-19'), ledger);

    const redesigns = ledger.log
      .slice(before)
      .map((r) => r.event)
      .filter((e) => e.type === 'ProjectRedesigned');
    expect(national).toMatchObject({ projectsLaunched: 4, projectsRedesigned: redesigns.length, rowsRejected: 0 });
    // Indicators the département file does not measure join their (existing) projects.
    expect(redesigns.map((e) => [e.data.projectId, e.data.changes.indicators.added.map((i) => i.indicatorId)])).toEqual(
      [
        [
          projectIdForMesure(
            'Proposer une offre de lunettes, appareils auditifs et prothèses dentaires remboursée à 100%',
          ),
          ['tx-equipements-optique', 'tx-equipements-audio'],
        ],
        ['ameliorer-la-qualite-du-service-rendu-a-l-usager', ['tx-satisfaction-usagers-services-publics']],
      ],
    );
    expect(redesigns[0].data).toMatchObject({
      planVersion: 2,
      reason: 'Baromètre release 2023-01-19-detail-national.csv adds indicators',
      decidedOn: '2023-01-19',
    });
  });
});

describe('importBarometre: stopping and resuming', () => {
  it('stops between batches when aborted, leaving whole batches only, and a re-run completes the import', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const controller = new AbortController();
    const progress: [number, number | undefined][] = [];
    const summary = await importBarometre(release('2023-01-19'), ledger, {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (ledger.eventsOf('IndicatorMeasured').length > 0) controller.abort();
      },
    });

    expect(summary.aborted).toBe(true);
    expect(summary.batchesSent).toBe(1);
    expect(summary.measurementsAdded).toBe(10);
    expect(ledger.eventsOf('IndicatorMeasured')).toHaveLength(10);
    expect(ledger.eventsOf('ProjectLaunched')).toHaveLength(1);
    expect(summary.warnings.at(-1)).toMatch(/^import aborted after \d+ of 1240 rows/);
    expect(progress.every(([, total]) => total === 1240)).toBe(true);

    const resumed = await importBarometre(release('2023-01-19'), ledger, { batchSize: 10 });
    expect(resumed).toMatchObject({
      aborted: false,
      measurementsAdded: 1218,
      measurementsUnchanged: 10,
      projectsLaunched: 42,
    });
    expect(seriesValues(ledger)).toHaveLength(1228);
  });

  it('resends the same idempotency keys after a crash, and each batch is one atomic command', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const attempted: { command: DomainCommand; key: string }[] = [];
    let batches = 0;
    const crashing = {
      project: (id: string) => ledger.project(id),
      mission: (code: string) => ledger.mission(code),
      send: async (command: DomainCommand, key: string) => {
        attempted.push({ command, key });
        if (command.type === 'RecordMeasurements' && ++batches === 3) throw new Error('connection lost');
        return ledger.send(command, key);
      },
    };
    await expect(importBarometre(release('2023-01-19'), crashing, { batchSize: 50 })).rejects.toThrow(
      'connection lost',
    );
    const lost = attempted[attempted.length - 1];
    expect(lost.command.type).toBe('RecordMeasurements');
    expect(ledger.eventsOf('IndicatorMeasured').length).toBeGreaterThan(0);

    await importBarometre(release('2023-01-19'), ledger, { batchSize: 50 });
    const resent = ledger.sent.find((s) => s.key === lost.key);
    expect(resent?.command).toEqual(lost.command);
    expect(lost.key).toMatch(/^barometre:[0-9a-f]{16}:batch:[a-z0-9-]+:\d+:[0-9a-f]{12}$/);
    expect(seriesValues(ledger)).toHaveLength(1228);
    for (const { key } of ledger.sent) expect(key.length).toBeLessThanOrEqual(128);
  });

  it('rejects the rows of a batch the domain refuses, and goes on with the next', async () => {
    const ledger = new InMemoryLedger(TODAY);
    let refuse = true;
    const refusing = {
      project: (id: string) => ledger.project(id),
      mission: (code: string) => ledger.mission(code),
      send: (command: DomainCommand, key: string) => {
        if (command.type !== 'RecordMeasurements' || !refuse) return ledger.send(command, key);
        // The first batch (the first mesure of the file, lines 2 to 20) is corrupted on its way: the domain refuses it.
        refuse = false;
        const corrupted = command.measurements.map((m, i) => (i === 5 ? { ...m, period: '2021-02-30' } : m));
        return ledger.send({ ...command, measurements: corrupted }, key);
      },
    };
    const summary = await importBarometre(release('2023-01-19'), refusing);
    const paternite = projectIdForMesure('Allonger le congé paternité pour un meilleur développement de l’enfant');
    expect(summary.rejected.slice(0, 19)).toEqual(
      Array.from({ length: 19 }, (_, i) => ({
        file: '2023-01-19-detail-national.csv',
        line: i + 2,
        reason:
          'RecordMeasurements refused for the batch of 19 rows: measurements[5].period "2021-02-30" is not a calendar date (YYYY-MM-DD)',
      })),
    );
    expect(active(await ledger.project(paternite)).measurements).toEqual({});
    expect(summary).toMatchObject({ rowsRejected: 19, measurementsAdded: 1228 - 19 });
  });
});
