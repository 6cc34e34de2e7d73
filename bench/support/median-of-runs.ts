type Figures = { readonly [key: string]: unknown };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Several runs' results folded into one of the same shape: the median of every number, and a boolean true only when
 * every run found it true (an exactness check fails if it failed once).
 */
export function medianOfRuns<T>(runs: readonly T[]): T {
  const first = runs[0] as unknown;
  if (typeof first === 'number') return median(runs as unknown as number[]) as T;
  if (typeof first === 'boolean') return (runs as unknown as boolean[]).every(Boolean) as T;
  if (typeof first !== 'object' || first === null) return first as T;
  const keys = Object.keys(first as Figures);
  return Object.fromEntries(keys.map((key) => [key, medianOfRuns(runs.map((run) => (run as Figures)[key]))])) as T;
}
