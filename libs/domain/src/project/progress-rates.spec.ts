import { comptesActifs, delaiRaccordement } from '../testing/tech-gouv';
import type { IndicatorDefinition, TargetedIndicator } from './plan';
import type { PublishedCurrentValue } from './project-state';
import { annualRate, globalRate, nationalRateBasis, type RateBasis } from './progress-rates';

/** A project holding one national value of the indicator, and what a release published for it, if anything. */
function project(
  indicator: IndicatorDefinition,
  latest: { readonly value: number; readonly period: string } | undefined,
  published?: PublishedCurrentValue,
) {
  const id = indicator.indicatorId;
  return {
    measurements: latest === undefined ? {} : { [id]: { 'national:FR': { [latest.period]: latest.value } } },
    publishedCurrent: published === undefined ? {} : { [id]: { 'national:FR': published } },
  };
}

function basisOf(indicator: IndicatorDefinition, latest: number, published?: PublishedCurrentValue): RateBasis {
  const basis = nationalRateBasis(project(indicator, { value: latest, period: '2021-06-30' }, published), indicator);
  if ('reason' in basis) throw new Error(basis.reason);
  return basis;
}

describe('nationalRateBasis', () => {
  it('takes VI and VC from the plan and VA from the latest national value when no release published any', () => {
    expect(basisOf(comptesActifs, 20_000_000)).toEqual({
      direction: 'increase',
      initial: { value: 10_000_000, on: '2019-01-01', from: 'plan' },
      current: { value: 20_000_000, on: '2021-06-30', from: 'measurements' },
      target: { value: 30_000_000, on: '2022-12-31', from: 'plan' },
    });
  });

  it("takes VA, VI, VC and VCA from the release's synthesis when it published them", () => {
    const published: PublishedCurrentValue = {
      value: 143_447,
      period: '2022-12-31',
      against: {
        initial: { value: 0, on: '2020-05-31' },
        target: { value: 100_000, by: '2022-12-31' },
        annualTarget: { value: 80_000, by: '2022-12-31' },
      },
    };
    expect(basisOf(comptesActifs, 10_412, published)).toEqual({
      direction: 'increase',
      initial: { value: 0, on: '2020-05-31', from: 'synthesis' },
      current: { value: 143_447, on: '2022-12-31', from: 'synthesis' },
      target: { value: 100_000, on: '2022-12-31', from: 'synthesis' },
      annualTarget: { value: 80_000, on: '2022-12-31', from: 'synthesis' },
    });
  });

  it('gives a monitored series of the plan the direction its published VI and VC imply', () => {
    const series: IndicatorDefinition = {
      indicatorId: 'nb-morts-routes',
      label: 'Morts sur les routes',
      unit: 'morts',
    };
    const published = {
      value: 2454,
      period: '2022-09-30',
      against: { initial: { value: 3448, on: '2017-12-31' }, target: { value: 2000, by: '2022-12-31' } },
    };
    expect(basisOf(series, 248, published)).toMatchObject({ direction: 'decrease' });
  });

  it('says why without a current value, an initial value or a target', () => {
    expect(nationalRateBasis(project(comptesActifs, undefined), comptesActifs)).toEqual({
      reason: 'no current value (VA): no national value is known, and no release published one',
    });
    const series: IndicatorDefinition = {
      indicatorId: 'nb-morts-routes',
      label: 'Morts sur les routes',
      unit: 'morts',
    };
    expect(nationalRateBasis(project(series, { value: 248, period: '2022-11-30' }), series)).toEqual({
      reason: 'no initial value (VI): neither the plan nor the synthesis gives one',
    });
  });
});

describe('globalRate', () => {
  it('is (VA − VI) / (VC − VI) with the values it used', () => {
    const basis = basisOf(comptesActifs, 20_000_000);
    expect(globalRate(basis)).toEqual({
      raw: 50,
      percent: 50,
      uses: { initial: basis.initial, current: basis.current, target: basis.target },
    });
  });

  it('shows the rate rounded to two decimals, as PILOTE does, and keeps the raw one', () => {
    // (68 − 4) / (74 − 4) = 91.428571…
    const gs: TargetedIndicator = {
      ...comptesActifs,
      baseline: { value: 4, on: '2019-11-30' },
      target: { value: 74, by: '2022-11-30' },
    };
    const rate = globalRate(basisOf(gs, 68));
    expect(rate.percent).toBe(91.43);
    expect(rate.raw).toBeCloseTo(91.428571, 6);
  });

  it('is bounded to [0, 100] when shown, beyond the target or behind the baseline', () => {
    expect(globalRate(basisOf(comptesActifs, 35_000_000))).toMatchObject({ raw: 125, percent: 100 });
    expect(globalRate(basisOf(comptesActifs, 8_000_000))).toMatchObject({ raw: -10, percent: 0 });
  });

  it('works the same for a decreasing indicator, whose target is below its baseline', () => {
    expect(globalRate(basisOf(delaiRaccordement, 75))).toMatchObject({ raw: 50, percent: 50 });
    expect(globalRate(basisOf(delaiRaccordement, 12))).toMatchObject({ raw: 120, percent: 100 });
    expect(globalRate(basisOf(delaiRaccordement, 129))).toMatchObject({ raw: -10, percent: 0 });
  });

  it('is all or nothing when the target holds the line (equal to the baseline)', () => {
    const holding: TargetedIndicator = { ...delaiRaccordement, target: { value: 120, by: '2022-12-31' } };
    expect(globalRate(basisOf(holding, 110))).toMatchObject({ raw: 100, percent: 100 });
    expect(globalRate(basisOf(holding, 121))).toMatchObject({ raw: 0, percent: 0 });
  });
});

describe('annualRate', () => {
  const withAnnualTarget = (value: number): PublishedCurrentValue['against'] => ({
    annualTarget: { value, by: '2021-12-31' },
  });

  it("is (VA − VI) / (VCA − VI) against the year's target, which it names among the values used", () => {
    const basis = basisOf(comptesActifs, 15_000_000, {
      value: 15_000_000,
      period: '2021-06-30',
      against: withAnnualTarget(20_000_000),
    });
    expect(annualRate(basis)).toEqual({
      raw: 50,
      percent: 50,
      uses: {
        initial: { value: 10_000_000, on: '2019-01-01', from: 'plan' },
        current: { value: 15_000_000, on: '2021-06-30', from: 'synthesis' },
        target: { value: 20_000_000, on: '2021-12-31', from: 'synthesis' },
      },
    });
  });

  it('measures a decreasing indicator against its annual target the same way, all or nothing when it holds the line', () => {
    const published = (value: number, annual: number) => ({
      value,
      period: '2021-06-30',
      against: withAnnualTarget(annual),
    });
    expect(annualRate(basisOf(delaiRaccordement, 0, published(90, 60)))).toMatchObject({ raw: 50, percent: 50 });
    expect(annualRate(basisOf(delaiRaccordement, 0, published(119, 120)))).toMatchObject({ percent: 100 });
    expect(annualRate(basisOf(delaiRaccordement, 0, published(125, 120)))).toMatchObject({ percent: 0 });
  });

  it("takes the plan's target for VA's year when no release published one", () => {
    const planned = {
      ...comptesActifs,
      annualTargets: [
        { value: 15_000_000, by: '2020-12-31' },
        { value: 20_000_000, by: '2021-12-31' },
      ],
    };
    // VA of 2021-06-30 (15 million) against 2021's target: (15 − 10) / (20 − 10).
    expect(annualRate(basisOf(planned, 15_000_000))).toMatchObject({
      percent: 50,
      uses: { target: { value: 20_000_000, on: '2021-12-31', from: 'plan' } },
    });
    const noneThatYear = { ...comptesActifs, annualTargets: [{ value: 15_000_000, by: '2020-12-31' }] };
    expect(annualRate(basisOf(noneThatYear, 15_000_000))).toHaveProperty('reason');
  });

  it('is unavailable, with the reason, without an annual target', () => {
    expect(annualRate(basisOf(comptesActifs, 15_000_000))).toEqual({
      reason: 'no annual target (VCA): neither the plan nor the synthesis gives one',
    });
  });
});
