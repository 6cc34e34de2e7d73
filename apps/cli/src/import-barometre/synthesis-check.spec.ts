import { join } from 'node:path';
import { importBarometre } from './import-barometre';
import { checkSynthesisProgress, type SynthesisComparison } from './synthesis-check';
import { InMemoryLedger } from '../testing/in-memory-ledger';

const DEMO = join(__dirname, '../../../../demo-data/barometre');
const TODAY = '2023-06-30';

/**
 * Indicators whose published percentage is computed from a `valeur_actuelle` that is not the latest detail value,
 * because the detail series is not cumulative while the synthesis compares a cumulated or annual figure:
 */
const SYSTEMATIC_EXCEPTIONS = {
  // Service civique volunteers: the detail counts the year so far (2022-06-30: 81,647, half a year); the synthesis
  // compares the last complete year (2021-12-31: 144,691).
  'nb-jeunes-engages': {
    latest: { period: '2022-06-30', value: 81647 },
    valeurActuelle: { on: '2021-12-31', value: 144691 },
  },
  // Fines: the detail counts fines per month (2022-12: 10,412); the synthesis compares their total since the baseline.
  'nb-amendes-delictuelles-dressees': {
    latest: { period: '2022-12-31', value: 10412 },
    valeurActuelle: { on: '2022-12-31', value: 143447 },
  },
  // Paternity leaves: the detail counts a quarter (2022-Q3: 71,601); the synthesis compares the year 2021, the sum of
  // its four quarters (70,970 + 71,027 + 104,729 + 86,737 = 333,463).
  'nb-peres-conge-paternite': {
    latest: { period: '2022-09-30', value: 71601 },
    valeurActuelle: { on: '2021-12-31', value: 333463 },
  },
} as const;

describe('checkSynthesisProgress', () => {
  let comparisons: SynthesisComparison[];

  beforeAll(async () => {
    const ledger = new InMemoryLedger(TODAY);
    const synthese = join(DEMO, 'releases/2023-01-19-synthese-national.csv');
    await importBarometre(
      {
        detail: join(DEMO, 'releases/2023-01-19-detail-national.csv'),
        synthese,
        secteurs: join(DEMO, 'secteurs.csv'),
        today: TODAY,
      },
      ledger,
    );
    comparisons = await checkSynthesisProgress(synthese, ledger);
  });

  it('compares every indicator of the synthesis with a target; those without one are monitored series, not compared', () => {
    expect(comparisons).toHaveLength(57);
    expect(comparisons.filter((c) => c.status === 'compared')).toHaveLength(49);
    const monitored = comparisons.filter((c) => c.status === 'monitored_only');
    expect(monitored.map((c) => c.indicatorId)).toHaveLength(8);
    expect(monitored.map((c) => c.indicatorId)).toContain('nb-morts-routes');
    expect(comparisons.filter((c) => c.status === 'not_imported')).toEqual([]);
  });

  it("matches the synthesis file's pourcentage_cible (published in whole percent) with the computed progress toward target", () => {
    const compared = comparisons.filter((c) => c.status === 'compared');
    const exceptions = compared.filter((c) => c.indicatorId in SYSTEMATIC_EXCEPTIONS);
    const others = compared.filter((c) => !(c.indicatorId in SYSTEMATIC_EXCEPTIONS));

    // 46 of the 49: progressTowardTarget(definition, latest national value).shown, rounded, is the published figure.
    expect(others).toHaveLength(46);
    for (const c of others) {
      expect({ indicator: c.indicatorId, shown: Math.round(c.computed?.shown ?? NaN) }).toEqual({
        indicator: c.indicatorId,
        shown: c.published,
      });
      expect(Math.abs(Math.round(c.computed?.shown ?? NaN) - (c.published ?? NaN))).toBeLessThanOrEqual(0.1);
      expect(c.agrees).toBe(true);
    }

    // The 3 exceptions: the latest detail value is not the synthesis's valeur_actuelle; with it, the figures match.
    expect(exceptions).toHaveLength(3);
    for (const c of exceptions) {
      const expected = SYSTEMATIC_EXCEPTIONS[c.indicatorId as keyof typeof SYSTEMATIC_EXCEPTIONS];
      expect({ latest: c.latest, valeurActuelle: c.valeurActuelle }).toEqual(expected);
      expect(c.agrees).toBe(false);
      expect(c.agreesFromValeurActuelle).toBe(true);
      expect(
        Math.abs(Math.round(c.computedFromValeurActuelle?.shown ?? NaN) - (c.published ?? NaN)),
      ).toBeLessThanOrEqual(0.1);
    }
  });

  it('computes the progress of increasing and decreasing indicators, capped to 100 with the raw value kept', () => {
    const gs = comparisons.find((c) => c.indicatorId === 'tx-gs-rep');
    // (68 − 4) / (74 − 4) × 100 = 91.4…, published 91.
    expect(gs?.computed?.shown).toBeCloseTo(91.43, 2);
    expect(gs?.published).toBe(91);
    const aah = comparisons.find(
      (c) => c.indicatorId === 'duree-moyenne-traitement-demandes-allocation-adulte-handicape',
    );
    expect(aah?.agrees).toBe(true);
    const capped = comparisons.filter((c) => c.computed !== undefined && c.computed.raw > 100);
    expect(capped.length).toBeGreaterThan(0);
    for (const c of capped) expect(c.computed?.shown).toBe(100);
  });
});
