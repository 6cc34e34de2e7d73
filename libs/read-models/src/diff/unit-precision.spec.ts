import { roundTo, unitPrecision } from './unit-precision';

describe('unitPrecision', () => {
  it.each([
    ['%', 'percent', 2],
    ['% des classes', 'percent', 2],
    ['Pourcentage de démarches', 'percent', 2],
    ['millions d’usagers', 'scaled_count', 2],
    ["milliers d'agents", 'scaled_count', 2],
    ['millions', 'scaled_count', 2],
    ['mois de traitement', 'duration', 1],
    ['jours', 'duration', 1],
    ['days', 'duration', 1],
    ['bornes de recharge', 'count', 0],
    ['services', 'count', 0],
    ['moisson', 'count', 0],
  ])('reads %j as a %s, to %i decimals', (unit, kind, decimals) => {
    expect(unitPrecision(unit)).toEqual({ kind, decimals });
  });
});

describe('roundTo', () => {
  it('rounds half away from zero, whatever the sign', () => {
    expect([roundTo(2.345, 2), roundTo(-2.345, 2), roundTo(0.5, 0), roundTo(-0.5, 0)]).toEqual([2.35, -2.35, 1, -1]);
  });

  it('drops the binary noise of a difference and never answers -0', () => {
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(48.5133020344288, 1)).toBe(48.5);
    expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true);
  });
});
