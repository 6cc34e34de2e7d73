import { MerkleAccumulator } from '../merkle/merkle-accumulator';

// The root of the log's first `size` events, recomputed while a full export is walked, to check a pinned checkpoint
// smaller than the export's against the events themselves rather than against a proof the export carries.

export class PrefixRootRecorder {
  private readonly tree = new MerkleAccumulator();

  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`no tree of ${size} leaves`);
  }

  /** Feeds the next event hash of the log, in position order; those past `size` are not needed and ignored. */
  see(eventHash: string): void {
    if (this.tree.size < this.size) this.tree.append(eventHash);
  }

  /** The root of the first `size` events, or undefined when fewer were seen. */
  root(): string | undefined {
    return this.tree.size === this.size ? this.tree.root() : undefined;
  }
}
