/** The pauses between the attempts of one outage: doubling from `firstMs` up to `maxMs`, from `firstMs` again after a success. */
export class Backoff {
  private upcoming: number;

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {
    this.upcoming = firstMs;
  }

  /** The pause before the next attempt. */
  next(): number {
    const delay = this.upcoming;
    this.upcoming = Math.min(delay * 2, this.maxMs);
    return delay;
  }

  reset(): void {
    this.upcoming = this.firstMs;
  }
}
