import type { StoredEvent } from '@portfolio/event-store';
import { EventHashesDigest } from './export-trailer';

/** What the export statement says of the events written: count, range and digest. */
export interface TallyResult {
  readonly eventCount: number;
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  readonly eventHashes: string;
}

/**
 * What the export statement says of the events written, gathered as they stream past: count, range and digest. The
 * files of a bundle hold the same events, so they share one tally.
 */
export class ExportTally {
  private readonly digest = new EventHashesDigest();
  private count = 0;
  private first: bigint | null = null;
  private last: bigint | null = null;
  private taken: TallyResult | undefined;

  see(event: StoredEvent): void {
    this.count += 1;
    this.first ??= event.position;
    this.last = event.position;
    this.digest.add(event.hash);
  }

  /** Once every event has been seen (the events seen after the first call are not counted). */
  result(): TallyResult {
    this.taken ??= {
      eventCount: this.count,
      firstPosition: this.first?.toString() ?? null,
      lastPosition: this.last?.toString() ?? null,
      eventHashes: this.digest.hex(),
    };
    return this.taken;
  }
}
