import { comptesActifs } from '../testing/tech-gouv';
import type { IndicatorDefinition } from './plan';
import type { Measurements, PublishedCurrentValues } from './project-state';
import { globalRate, nationalRateBasis, territoryRateBasis } from './progress-rates';

// Given an indicator's plan and the values known of it, then its national rate basis: from the territories when the
// plan says so and no national value is known.

const byRegions: IndicatorDefinition = { ...comptesActifs, nationalFrom: { level: 'region', aggregation: 'sum' } };

function published(value: number, period: string, initial: number, target: number) {
  return {
    value,
    period,
    against: { initial: { value: initial, on: '2017-09-30' }, target: { value: target, by: '2022-09-30' } },
  };
}

function project(measurements: Measurements, publishedCurrent: PublishedCurrentValues = {}) {
  return { measurements, publishedCurrent };
}

const regionsPublished: PublishedCurrentValues = {
  'comptes-actifs': {
    'region:84': published(150, '2022-06-30', 100, 200),
    'region:11': published(300, '2022-09-30', 300, 400),
    'departement:75': published(1_000, '2022-09-30', 0, 2_000),
  },
};

describe('nationalRateBasis of an indicator whose national values come from its territories', () => {
  it("sums the regions' published VA, VI and VC, dated by the latest VA and VC and the earliest VI", () => {
    expect(nationalRateBasis(project({}, regionsPublished), byRegions)).toEqual({
      direction: 'increase',
      initial: {
        value: 400,
        on: '2017-09-30',
        from: 'synthesis',
        aggregated: { level: 'region', aggregation: 'sum', territories: 2 },
      },
      current: {
        value: 450,
        on: '2022-09-30',
        from: 'synthesis',
        aggregated: { level: 'region', aggregation: 'sum', territories: 2 },
      },
      target: {
        value: 600,
        on: '2022-09-30',
        from: 'synthesis',
        aggregated: { level: 'region', aggregation: 'sum', territories: 2 },
      },
    });
  });

  it('averages them, unweighted, for a share; the rate is that of the result, not the mean of the rates', () => {
    const averaged: IndicatorDefinition = { ...byRegions, nationalFrom: { level: 'region', aggregation: 'average' } };
    const basis = nationalRateBasis(project({}, regionsPublished), averaged);
    if ('reason' in basis) throw new Error(basis.reason);
    expect([basis.initial.value, basis.current.value, basis.target.value]).toEqual([200, 225, 300]);
    expect(globalRate(basis)).toMatchObject({ raw: 25, percent: 25 });
  });

  it('takes the plan’s VI and VC when a territory published no VI or VC beside its VA', () => {
    const partly = {
      'comptes-actifs': { ...regionsPublished['comptes-actifs'], 'region:93': { value: 50, period: '2022-09-30' } },
    };
    const basis = nationalRateBasis(project({}, partly), byRegions);
    expect(basis).toMatchObject({
      current: { value: 500, from: 'synthesis', aggregated: { territories: 3 } },
      initial: { value: 10_000_000, from: 'plan' },
      target: { value: 30_000_000, from: 'plan' },
    });
  });

  it("sums the regions' values of the latest period measured, over the regions measured for it, without a release", () => {
    const measurements: Measurements = {
      'comptes-actifs': {
        'region:84': { '2022-06-30': 5_000_000, '2022-09-30': 6_000_000 },
        'region:11': { '2022-09-30': 9_000_000 },
        'region:93': { '2022-06-30': 1_000_000 },
        'departement:75': { '2022-12-31': 4_000_000 },
      },
    };
    expect(nationalRateBasis(project(measurements), byRegions)).toMatchObject({
      current: { value: 15_000_000, on: '2022-09-30', from: 'measurements', aggregated: { territories: 2 } },
      initial: { from: 'plan' },
    });
  });

  it('keeps the national value when there is one, as PILOTE aggregates only indicators without', () => {
    const measurements: Measurements = { 'comptes-actifs': { 'national:FR': { '2022-09-30': 20_000_000 } } };
    expect(nationalRateBasis(project(measurements, regionsPublished), byRegions)).toMatchObject({
      current: { value: 20_000_000, from: 'measurements' },
    });
    expect(nationalRateBasis(project(measurements, regionsPublished), byRegions)).not.toHaveProperty(
      'current.aggregated',
    );
  });

  it('aggregates nothing for an indicator whose plan does not say so', () => {
    expect(nationalRateBasis(project({}, regionsPublished), comptesActifs)).toEqual({
      reason: 'no current value (VA): no national value is known, and no release published one',
    });
  });

  it('says that no territory has a value either', () => {
    expect(nationalRateBasis(project({}), byRegions)).toEqual({
      reason: 'no current value (VA): no national value is known, and no release published one, nor any region',
    });
  });
});

describe('territoryRateBasis', () => {
  it("measures a territory against the VI and VC published for it, not the plan's national ones", () => {
    const basis = territoryRateBasis(project({}, regionsPublished), comptesActifs, 'region:84');
    if ('reason' in basis) throw new Error(basis.reason);
    expect(globalRate(basis)).toMatchObject({ raw: 50, percent: 50 });
  });

  it("takes a region's target behind its baseline as all or nothing, in the indicator's direction", () => {
    // A count meant to rise, in a region whose target (90) is below its initial value (100).
    const behind = (value: number) => ({
      'comptes-actifs': { 'region:84': published(value, '2022-06-30', 100, 90) },
    });
    const rateOf = (value: number) => {
      const basis = territoryRateBasis(project({}, behind(value)), comptesActifs, 'region:84');
      if ('reason' in basis) throw new Error(basis.reason);
      return globalRate(basis).percent;
    };
    expect([rateOf(95), rateOf(85)]).toEqual([100, 0]);
  });

  it('has no rate for a territory no release published a value of', () => {
    expect(territoryRateBasis(project({}, regionsPublished), comptesActifs, 'region:93')).toHaveProperty('reason');
  });
});
