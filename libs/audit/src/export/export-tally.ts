import type { StoredEvent } from '@portfolio/event-store';
import { EventHashesDigest } from './export-trailer';

/** What the export statement says of the events written, gathered as they stream past: count, range and digest. */
export class ExportTally {
  private readonly digest = new EventHashesDigest();
  private count = 0;
  private first: string | null = null;
  private last: string | null = null;

  see(event: StoredEvent): void {
    this.count += 1;
    this.first ??= event.position.toString();
    this.last = event.position.toString();
    this.digest.add(event.hash);
  }

  /** Once every event has been seen: the digest can be taken only once. */
  result(): { eventCount: number; firstPosition: string | null; lastPosition: string | null; eventHashes: string } {
    return {
      eventCount: this.count,
      firstPosition: this.first,
      lastPosition: this.last,
      eventHashes: this.digest.hex(),
    };
  }
}
