import type { EventHash, EventStore } from '@portfolio/event-store';
import { MerkleTreeBuilder, type MerkleTree } from './merkle-tree';

/** Grows a LogTree one event at a time, for a caller already walking the log (the live verifier). */
export class LogTreeBuilder {
  private readonly leaves = new MerkleTreeBuilder(1024);
  private positions = new BigInt64Array(1024);

  append(event: EventHash): void {
    if (this.leaves.size === this.positions.length) {
      const grown = new BigInt64Array(this.positions.length * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    this.positions[this.leaves.size] = event.position;
    this.leaves.append(event.hash);
  }

  build(): LogTree {
    return new LogTree(this.leaves.build(), this.positions.subarray(0, this.leaves.size));
  }
}

/**
 * The Merkle tree of the log up to a position, with the position of each leaf: what proofs need. Leaves are packed
 * (32 bytes each), positions in a BigInt64Array (8 bytes each): about 40 MB for a million events.
 */
export class LogTree {
  constructor(
    readonly tree: MerkleTree,
    private readonly positions: BigInt64Array,
  ) {}

  /** Reads the log up to `upTo` into a tree. */
  static async build(store: EventStore, upTo: bigint): Promise<LogTree> {
    const builder = new LogTreeBuilder();
    if (upTo > 0n) for await (const event of store.readHashes({ to: upTo })) builder.append(event);
    return builder.build();
  }

  /** How many leaves have a position at or before `position`. */
  leafCountUpTo(position: bigint): number {
    let [low, high] = [0, this.tree.size];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle] <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The position of the event at leaf `index`. */
  positionOf(index: number): bigint {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.tree.size) {
      throw new RangeError(`leaf index ${index} is outside a tree of ${this.tree.size} leaves`);
    }
    return this.positions[index];
  }

  /** The leaf index of the event at `position`, or undefined when the tree does not hold it. */
  leafIndex(position: bigint): number | undefined {
    let [low, high] = [0, this.tree.size - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.positions[middle];
      if (found === position) return middle;
      if (found < position) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}
