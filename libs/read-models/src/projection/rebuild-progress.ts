/**
 * Percent of the log projected into a rebuilding generation, to two decimals: 100 for an empty log, and never over
 * 100, since the log grows while the rebuild reads it.
 */
export function percentProjected(position: bigint, target: bigint): number {
  return target === 0n ? 100 : Math.min(100, Number((position * 10_000n) / target) / 100);
}
