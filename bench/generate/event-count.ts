/** The history sizes the issue names; any count in events is accepted too. */
const SIZES: Readonly<Record<string, number>> = { '100k': 100_000, '1M': 1_000_000, '3M': 3_000_000 };

/** `100k`, `1M`, `3M` or a plain number of events. */
export function parseEventCount(size: string): number {
  const named = SIZES[size];
  if (named !== undefined) return named;
  const count = Number(size);
  if (!Number.isInteger(count) || count <= 0) {
    throw new Error(`size must be one of ${Object.keys(SIZES).join(', ')} or a whole number (got "${size}")`);
  }
  return count;
}

/** `1M` for 1,000,000, `100k` for 100,000: how sizes are labelled in results. */
export function sizeLabel(count: number): string {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}
