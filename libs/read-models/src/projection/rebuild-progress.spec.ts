import { percentProjected } from './rebuild-progress';

describe('the percent of the log a rebuild has projected', () => {
  it('is the share of the target reached, to two decimals', () => {
    expect(percentProjected(0n, 2000n)).toBe(0);
    expect(percentProjected(500n, 2000n)).toBe(25);
    expect(percentProjected(1n, 3n)).toBe(33.33);
    expect(percentProjected(1999n, 2000n)).toBe(99.95);
  });

  it('is complete for an empty log', () => {
    expect(percentProjected(0n, 0n)).toBe(100);
  });

  it('stops at 100 when the rebuild has read appends made after it took its target', () => {
    expect(percentProjected(2100n, 2000n)).toBe(100);
  });

  it('stays exact on positions beyond what a number holds', () => {
    expect(percentProjected(18_446_744_073_709_551_614n / 2n, 18_446_744_073_709_551_614n)).toBe(50);
  });
});
