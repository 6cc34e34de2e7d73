// What a goal is, and the helpers that print its figures.
import type { StoreResult } from '../run';
import type { StoreKind } from '../support/bench-target';

/** A goal of issue 8 (read side), issue 16 (write path), issue 17 (read side at scale) or issue 20 (web workspace), checked against one store's results: the figure it reads and whether it is met. */
export interface Goal {
  readonly id: string;
  readonly store: StoreKind;
  readonly goal: string;
  /** undefined when the profile did not measure it (e.g. 1M events in the quick profile). */
  readonly check: (result: StoreResult) => { readonly figure: string; readonly met: boolean } | undefined;
}

export { n, pct, times } from './figures';

/** The figure `pick` reads at the largest history size that has it, with that size. */
export function atLargest<T>(
  result: StoreResult,
  pick: (size: StoreResult['sizes'][string]) => T | undefined,
): [string, T] | undefined {
  const entries = Object.entries(result.sizes).flatMap(([size, figures]) => {
    const value = pick(figures);
    return value === undefined ? [] : [[size, value] as [string, T]];
  });
  return entries[entries.length - 1];
}
