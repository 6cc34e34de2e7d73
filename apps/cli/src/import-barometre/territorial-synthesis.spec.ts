import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeImportSummary } from './describe-summary';
import { importBarometre } from './import-barometre';
import { BAROMETRE_SERIES, projectIdForMesure } from './mapping';
import { TODAY, active, regionalRelease, release } from '../testing/barometre-releases';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import type { ImportSummary } from './types';

// A regional synthesis imported after its release's national one: each region's current value (VA) is recorded as that
// region's published current value, against the region's own VI and VC, and the indicators' definitions stay national.

const ULIS_PROJECT = projectIdForMesure('Offrir une scolarisation inclusive à tous les enfants handicapés');

describe('importBarometre: a regional synthesis', () => {
  const ledger = new InMemoryLedger(TODAY);
  let nationalPlan: unknown;
  let summary: ImportSummary;

  beforeAll(async () => {
    await importBarometre(release('2023-01-19'), ledger);
    nationalPlan = active(await ledger.project(ULIS_PROJECT)).indicators;
    summary = await importBarometre(regionalRelease(), ledger);
  });

  it("publishes each region's current value once: 862 values, the 18 repeated rows of a second label aside", () => {
    expect(summary).toMatchObject({
      territorialValuesPublished: 862,
      currentValuesPublished: 0,
      measurementsAdded: 0,
      measurementsRestated: 0,
      rowsRejected: 0,
      aborted: false,
    });
    expect(summary.files[1]).toMatchObject({ file: '2023-01-19-synthese-regional.csv', layout: 'synthese-regional' });
    expect(summary.warnings.filter((w) => w.includes('already appears on line'))).toHaveLength(18);
    expect(describeImportSummary(summary)).toContain(
      'territorial VA:         862 published for a region or département, new or changed',
    );
  });

  it("records a region's VA with the region's own VI and VC, in the release, and leaves the national plan as it was", async () => {
    const project = active(await ledger.project(ULIS_PROJECT));
    expect(project.publishedCurrent['nombre-creation-ulis']['region:84']).toEqual({
      value: 1268,
      period: '2022-09-30',
      against: { initial: { value: 1055, on: '2017-09-30' }, target: { value: 1286, by: '2022-09-30' } },
    });
    expect(project.publishedCurrent['nombre-creation-ueea']['region:84']).toMatchObject({ value: 47 });
    const event = ledger
      .eventsOf('IndicatorMeasured')
      .find((e) => e.data.indicatorId === 'nombre-creation-ulis' && e.data.territory.code === '84');
    expect(event?.data).toMatchObject({
      territory: { level: 'region', code: '84' },
      publishedCurrent: true,
      release: { series: BAROMETRE_SERIES, id: '2023-01-19', publishedOn: '2023-01-19' },
    });
    expect(project.indicators).toEqual(nationalPlan);
    expect(ledger.eventsOf('ProjectRedesigned')).toEqual([]);
  });

  it('sends nothing when imported again: the values are compared region by region', async () => {
    const [events, sends] = [ledger.log.length, ledger.sent.length];
    const again = await importBarometre(regionalRelease(), ledger);
    expect(again).toMatchObject({ territorialValuesPublished: 0, rowsRejected: 0 });
    expect(ledger.log.length).toBe(events);
    expect(ledger.sent.length).toBe(sends);
  });
});

describe('importBarometre: rows of a territorial synthesis it cannot publish', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'territorial-synthesis-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects, with its line, a row whose indicator the ledger does not define or whose region is no code, and publishes the others', async () => {
    const shipped = (await readFile(regionalRelease().synthese as string, 'utf8')).split('\n');
    const unknown = shipped[1].replace('nombre-creation-ulis', 'nombre-classes-inconnues');
    // Named as the shipped file: a territorial synthesis must be of the detail's release.
    const synthese = join(dir, '2023-01-19-synthese-regional.csv');
    const badRegion = shipped[2].replace(',84,', ',Lyon,');
    const noValue = shipped[2].replace(',47.0,2022-09-30,13.0,', ',,2022-09-30,13.0,');
    await writeFile(synthese, [shipped[0], unknown, shipped[2], badRegion, noValue, ''].join('\n'));
    const ledger = new InMemoryLedger(TODAY);
    await importBarometre(release('2023-01-19'), ledger);

    const summary = await importBarometre({ ...regionalRelease(), synthese }, ledger);

    expect(summary).toMatchObject({ territorialValuesPublished: 1, rowsRejected: 2 });
    expect(summary.rejected).toEqual([
      {
        file: '2023-01-19-synthese-regional.csv',
        line: 2,
        reason: `indicator nombre-classes-inconnues is not defined in project ${ULIS_PROJECT}: a territorial synthesis defines no indicator (import the release with its national synthesis first)`,
      },
      { file: '2023-01-19-synthese-regional.csv', line: 4, reason: 'code_region "Lyon" is not an INSEE region code' },
    ]);
    expect(summary.warnings).toContain(
      '1 rows of 2023-01-19-synthese-regional.csv give no current value (valeur_actuelle with its date): nothing is published for them',
    );
    expect(describeImportSummary(summary)).toContain(
      '2023-01-19-synthese-regional.csv:2: indicator nombre-classes-inconnues',
    );
  });

  it('publishes the values of indicators the same import defines from the detail, saying they have no national synthesis', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const summary = await importBarometre(regionalRelease(), ledger);
    expect(summary).toMatchObject({ projectsLaunched: 43, territorialValuesPublished: 862, rowsRejected: 0 });
    expect(summary.warnings).toContainEqual(expect.stringMatching(/^no national synthesis file: each new indicator/));
    const project = active(await ledger.project(ULIS_PROJECT));
    expect(project.publishedCurrent['nombre-creation-ulis']['region:84']).toMatchObject({ value: 1268 });
  });
});
