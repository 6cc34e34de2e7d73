import { comptesActifs, delaiRaccordement } from '../testing/tech-gouv';
import type { TargetedIndicator } from './plan';
import { annualRate, currentValue, globalRate, territorialRate, type RateValue } from './progress-rates';

const measured = (value: number, on = '2021-06-30'): RateValue => ({ value, on, from: 'measurements' });
const annualTarget = (value: number, on = '2021-12-31'): RateValue => ({ value, on, from: 'plan' });

describe('currentValue (VA)', () => {
  it("is the synthesis's published current value when there is one, with its date", () => {
    expect(currentValue({ value: 143447, period: '2022-12-31' }, { value: 10412, period: '2022-12-31' })).toEqual({
      value: 143447,
      on: '2022-12-31',
      from: 'synthesis',
    });
  });

  it('is the latest national value otherwise, and nothing without either', () => {
    expect(currentValue(undefined, { value: 10412, period: '2022-12-31' })).toEqual({
      value: 10412,
      on: '2022-12-31',
      from: 'measurements',
    });
    expect(currentValue(undefined, undefined)).toBeUndefined();
  });
});

describe('globalRate', () => {
  it('is (VA − VI) / (VC − VI) with the values it used: VI and VC from the plan, VA as given', () => {
    const rate = globalRate(comptesActifs, measured(20_000_000));
    expect(rate).toEqual({
      raw: 50,
      percent: 50,
      uses: {
        initial: { value: 10_000_000, on: '2019-01-01', from: 'plan' },
        current: { value: 20_000_000, on: '2021-06-30', from: 'measurements' },
        target: { value: 30_000_000, on: '2022-12-31', from: 'plan' },
      },
    });
  });

  it('shows the rate rounded to two decimals, as PILOTE does, and keeps the raw one', () => {
    // (68 − 4) / (74 − 4) = 91.428571…
    const gs: TargetedIndicator = {
      ...comptesActifs,
      baseline: { value: 4, on: '2019-11-30' },
      target: { value: 74, by: '2022-11-30' },
    };
    const rate = globalRate(gs, { value: 68, on: '2022-11-30', from: 'synthesis' });
    expect(rate.percent).toBe(91.43);
    expect(rate.raw).toBeCloseTo(91.428571, 6);
  });

  it('is bounded to [0, 100] when shown, beyond the target or behind the baseline', () => {
    expect(globalRate(comptesActifs, measured(35_000_000))).toMatchObject({ raw: 125, percent: 100 });
    expect(globalRate(comptesActifs, measured(8_000_000))).toMatchObject({ raw: -10, percent: 0 });
  });

  it('works the same for a decreasing indicator, whose target is below its baseline', () => {
    expect(globalRate(delaiRaccordement, measured(75))).toMatchObject({ raw: 50, percent: 50 });
    expect(globalRate(delaiRaccordement, measured(12))).toMatchObject({ raw: 120, percent: 100 });
    expect(globalRate(delaiRaccordement, measured(129))).toMatchObject({ raw: -10, percent: 0 });
  });

  it('is all or nothing when the target holds the line (equal to the baseline)', () => {
    const holding: TargetedIndicator = { ...delaiRaccordement, target: { value: 120, by: '2022-12-31' } };
    expect(globalRate(holding, measured(110))).toMatchObject({ raw: 100, percent: 100 });
    expect(globalRate(holding, measured(121))).toMatchObject({ raw: 0, percent: 0 });
  });
});

describe('annualRate', () => {
  it("is (VA − VI) / (VCA − VI) against the year's target, which it names among the values used", () => {
    const rate = annualRate(comptesActifs, measured(15_000_000), annualTarget(20_000_000));
    expect(rate).toEqual({
      raw: 50,
      percent: 50,
      uses: {
        initial: { value: 10_000_000, on: '2019-01-01', from: 'plan' },
        current: { value: 15_000_000, on: '2021-06-30', from: 'measurements' },
        target: { value: 20_000_000, on: '2021-12-31', from: 'plan' },
      },
    });
  });

  it('measures a decreasing indicator against its annual target the same way', () => {
    expect(annualRate(delaiRaccordement, measured(90), annualTarget(60))).toMatchObject({ raw: 50, percent: 50 });
  });

  it('is all or nothing when the annual target holds the line', () => {
    expect(annualRate(delaiRaccordement, measured(119), annualTarget(120))).toMatchObject({ percent: 100 });
    expect(annualRate(delaiRaccordement, measured(125), annualTarget(120))).toMatchObject({ percent: 0 });
  });

  it('is unavailable, with the reason, without an annual target', () => {
    expect(annualRate(comptesActifs, measured(15_000_000), undefined)).toEqual({
      reason: 'no annual target (VCA): the plan and the synthesis give only the final target (VC)',
    });
  });
});

describe('territorialRate', () => {
  const regions = [
    { initial: 100, current: 150, target: 200 },
    { initial: 300, current: 300, target: 400 },
  ];

  it('sums the territories’ VI, VA and VC into national values, then computes their rate', () => {
    // (450 − 400) / (600 − 400) = 25 %, not the mean of the regions' rates (50 % and 0 %).
    expect(territorialRate('increase', regions, 'sum')).toEqual({
      raw: 25,
      percent: 25,
      national: { initial: 400, current: 450, target: 600 },
    });
  });

  it('averages them, unweighted, for an indicator aggregated by average', () => {
    expect(territorialRate('increase', regions, 'average')).toEqual({
      raw: 25,
      percent: 25,
      national: { initial: 200, current: 225, target: 300 },
    });
  });

  it("takes a region's target behind its baseline as all or nothing in the indicator's direction", () => {
    // A share meant to rise, in a region already above its target.
    expect(territorialRate('increase', [{ initial: 23.2, current: 35.8, target: 15 }], 'average')).toMatchObject({
      percent: 100,
    });
    expect(territorialRate('increase', [{ initial: 100, current: 50, target: 90 }], 'average')).toMatchObject({
      percent: 0,
    });
  });

  it('refuses to make a national value out of no territory', () => {
    expect(() => territorialRate('increase', [], 'sum')).toThrow('at least one territory');
  });
});
