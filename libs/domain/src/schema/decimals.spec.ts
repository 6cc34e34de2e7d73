import { decimalsOf } from './decimals';

describe('decimalsOf', () => {
  it.each([
    [12, 0],
    [12.5, 1],
    [-0.25, 2],
    [127251, 0],
    [1e21, 0],
    [1e-7, 7],
    [1.5e-7, 8],
  ])('%p shows %p decimal places', (value, places) => {
    expect(decimalsOf(value)).toBe(places);
  });
});
