import { comptesActifs, delaiRaccordement } from '../testing/tech-gouv';
import type { TargetedIndicator } from './plan';
import { expectedProgress, progressTowardTarget } from './progress';

describe('progressTowardTarget', () => {
  it('is the share of the way from baseline to target, for an increasing indicator', () => {
    // 10 M active accounts at baseline, 30 M targeted.
    expect(progressTowardTarget(comptesActifs, 20_000_000)).toEqual({ raw: 50, shown: 50 });
    expect(progressTowardTarget(comptesActifs, 10_000_000)).toEqual({ raw: 0, shown: 0 });
    expect(progressTowardTarget(comptesActifs, 30_000_000)).toEqual({ raw: 100, shown: 100 });
  });

  it('keeps the raw value beyond the target or behind the baseline, and shows it capped to [0, 100]', () => {
    expect(progressTowardTarget(comptesActifs, 35_000_000)).toEqual({ raw: 125, shown: 100 });
    expect(progressTowardTarget(comptesActifs, 8_000_000)).toEqual({ raw: -10, shown: 0 });
  });

  it('works the same for a decreasing indicator, whose target is below its baseline', () => {
    // 120 days to connect a service at baseline, 30 targeted.
    expect(progressTowardTarget(delaiRaccordement, 75)).toEqual({ raw: 50, shown: 50 });
    expect(progressTowardTarget(delaiRaccordement, 12)).toEqual({ raw: 120, shown: 100 });
    expect(progressTowardTarget(delaiRaccordement, 129)).toEqual({ raw: -10, shown: 0 });
  });

  describe('with a target equal to its baseline (holding the line)', () => {
    const disponibilite: TargetedIndicator = {
      indicatorId: 'disponibilite',
      label: 'Disponibilité du service',
      unit: '%',
      direction: 'increase',
      baseline: { value: 99.9, on: '2019-01-01' },
      target: { value: 99.9, by: '2022-12-31' },
    };
    const delai: TargetedIndicator = { ...delaiRaccordement, target: { value: 120, by: '2022-12-31' } };

    it('is complete while the value is at the target or better in its direction', () => {
      expect(progressTowardTarget(disponibilite, 99.9)).toEqual({ raw: 100, shown: 100 });
      expect(progressTowardTarget(disponibilite, 99.95)).toEqual({ raw: 100, shown: 100 });
      expect(progressTowardTarget(delai, 110)).toEqual({ raw: 100, shown: 100 });
    });

    it('is nil once the value is worse', () => {
      expect(progressTowardTarget(disponibilite, 99.5)).toEqual({ raw: 0, shown: 0 });
      expect(progressTowardTarget(delai, 121)).toEqual({ raw: 0, shown: 0 });
    });
  });
});

describe('expectedProgress', () => {
  // From 2019-01-01 to 2022-12-31: 1460 days.
  it('is the share of the time from baseline to target elapsed', () => {
    expect(expectedProgress(comptesActifs, '2020-12-31')).toBe(50);
    expect(expectedProgress(comptesActifs, '2019-01-01')).toBe(0);
    expect(expectedProgress(comptesActifs, '2022-12-31')).toBe(100);
  });

  it('is capped to [0, 100] before the baseline and after the target date', () => {
    expect(expectedProgress(comptesActifs, '2018-06-30')).toBe(0);
    expect(expectedProgress(comptesActifs, '2024-01-01')).toBe(100);
  });

  it('is all or nothing for a target not due after its baseline, which decide refuses but data may hold', () => {
    const sameDay = { ...comptesActifs, target: { value: 30_000_000, by: '2019-01-01' } };
    expect(expectedProgress(sameDay, '2018-12-31')).toBe(0);
    expect(expectedProgress(sameDay, '2019-01-01')).toBe(100);
  });
});
