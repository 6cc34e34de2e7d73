/** A stream's state folded up to a revision: what a command needs before deciding. */
export interface CachedStreamState {
  readonly revision: bigint;
  readonly lastPosition: bigint;
  readonly state: unknown;
}

/**
 * The folded states of the streams commands touched last, so that a command reads only the events appended since
 * (a project of 100,000 measurements is not re-read for each batch). Least recently used first out. A stale entry is
 * harmless: it is a prefix of the stream, and the events after it are read before deciding.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStreamState>();

  constructor(private readonly capacity = 256) {}

  get(streamId: string): CachedStreamState | undefined {
    const entry = this.entries.get(streamId);
    if (entry !== undefined) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedStreamState): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }
}
