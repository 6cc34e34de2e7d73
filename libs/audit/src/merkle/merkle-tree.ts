import {
  EMPTY_ROOT,
  HASH_BYTES,
  hashBytes,
  isPowerOfTwo,
  isTreeSize,
  leafHash,
  nodeHash,
  splitPoint,
} from './tree-hash';

/**
 * A Merkle tree over leaf hashes packed in one Buffer (32 bytes a leaf: 32 MB for a million events), answering
 * roots and proofs for any prefix. Perfect subtrees of 64 leaves or more are memoised, and the narrower ones asked
 * for last, so that the inclusion proofs of a filtered export share their work instead of rehashing the log for each.
 */
export class MerkleTree {
  private readonly memo = new Map<number, Buffer>();
  private readonly narrowMemo = new Map<number, Buffer>();

  private constructor(
    private readonly packed: Buffer,
    readonly size: number,
  ) {}

  /** From event hashes (hex), e.g. streamed from the store into a {@link MerkleTreeBuilder}. */
  static fromLeaves(leaves: readonly string[], count = leaves.length): MerkleTree {
    const builder = new MerkleTreeBuilder(count);
    for (let i = 0; i < count; i += 1) builder.append(leaves[i], `leaves[${i}]`);
    return builder.build();
  }

  /** @internal packed leaf hashes, as the builder made them. */
  static fromPacked(packed: Buffer, size: number): MerkleTree {
    return new MerkleTree(packed, size);
  }

  /** MTH of the first `size` leaves. */
  root(size = this.size): string {
    this.checkSize(size);
    return size === 0 ? EMPTY_ROOT : this.subtreeHash(0, size).toString('hex');
  }

  /** Audit path of RFC 9162 §2.1.3.1 for the leaf at `index` in the tree of the first `size` leaves. */
  inclusionProof(index: number, size = this.size): string[] {
    this.checkSize(size);
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`leaf index ${index} is outside a tree of ${size} leaves`);
    }
    const rootFirst: Buffer[] = [];
    let [from, to] = [0, size];
    while (to - from > 1) {
      const k = splitPoint(to - from);
      if (index < from + k) {
        rootFirst.push(this.subtreeHash(from + k, to, this.narrowMemo));
        to = from + k;
      } else {
        rootFirst.push(this.subtreeHash(from, from + k, this.narrowMemo));
        from += k;
      }
    }
    return rootFirst.reverse().map((hash) => hash.toString('hex'));
  }

  /**
   * Consistency proof of RFC 9162 §2.1.4.1 that the tree of the first `oldSize` leaves is a prefix of the tree of the
   * first `newSize`. Empty when the sizes are equal or the old tree is empty (every tree extends it).
   */
  consistencyProof(oldSize: number, newSize: number): string[] {
    if (!isTreeSize(oldSize) || !isTreeSize(newSize) || oldSize > newSize || newSize > this.size) {
      throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} leaves over ${this.size} leaves`);
    }
    if (oldSize === 0 || oldSize === newSize) return [];
    const rootFirst: Buffer[] = [];
    let [from, to, m] = [0, newSize, oldSize];
    // SUBPROOF's flag b: whether the subtree in hand is still the old tree's own root, which the verifier already has.
    let oldRootInHand = true;
    while (m !== to - from) {
      const k = splitPoint(to - from);
      if (m <= k) {
        rootFirst.push(this.subtreeHash(from + k, to));
        to = from + k;
      } else {
        rootFirst.push(this.subtreeHash(from, from + k));
        from += k;
        m -= k;
        oldRootInHand = false;
      }
    }
    if (!oldRootInHand) rootFirst.push(this.subtreeHash(from, to));
    return rootFirst.reverse().map((hash) => hash.toString('hex'));
  }

  /**
   * MTH(D[from:to]); the recursion is only log2(to - from) deep. `narrow` memoises the narrower perfect subtrees too:
   * proofs asked leaf after leaf need the same ones again; building a tree never does.
   */
  private subtreeHash(from: number, to: number, narrow?: Map<number, Buffer>): Buffer {
    const width = to - from;
    if (width === 1) return this.packed.subarray(from * HASH_BYTES, to * HASH_BYTES);
    // RFC 9162 splits at the largest power of two, so every left child is a perfect subtree aligned on its width.
    const memoised = width >= MEMO_MIN_WIDTH && isPowerOfTwo(width);
    // from is a multiple of width (a power of two): width × (2·from/width + 1) is unique per subtree.
    const key = from * 2 + width;
    const memo = memoised ? this.memo : narrowMemo(narrow, width);
    const known = memo?.get(key);
    if (known !== undefined) return known;
    const k = splitPoint(width);
    const hash = nodeHash(this.subtreeHash(from, from + k, narrow), this.subtreeHash(from + k, to, narrow));
    memo?.set(key, hash);
    return hash;
  }

  private checkSize(size: number): void {
    if (!isTreeSize(size) || size > this.size) throw new RangeError(`no tree of ${size} leaves among ${this.size}`);
  }
}

// Subtrees narrower than this are cheap to rehash; memoising them would cost more memory than time saved.
const MEMO_MIN_WIDTH = 64;

/** Narrow subtrees memoised at most (some 600 kB): the blocks of a few dozen leaves' proofs, and the right edge's. */
const NARROW_MEMO_SIZE = 4096;

/**
 * Where a narrow subtree of `width` leaves is memoised, if anywhere: among the few thousand asked for last. The
 * inclusion proofs of a filtered export come leaf after leaf, and each needs the narrow subtrees of its own block of
 * MEMO_MIN_WIDTH leaves and of the tree's right edge: rehashing them for every leaf was most of a filtered export's time.
 */
function narrowMemo(memo: Map<number, Buffer> | undefined, width: number): Map<number, Buffer> | undefined {
  if (memo === undefined || !isPowerOfTwo(width)) return undefined;
  if (memo.size >= NARROW_MEMO_SIZE) memo.clear();
  return memo;
}

/** Collects leaf hashes one at a time (e.g. streamed from the store) into the packed form a MerkleTree uses. */
export class MerkleTreeBuilder {
  private packed: Buffer;
  private count = 0;

  constructor(expected = 1024) {
    this.packed = Buffer.alloc(Math.max(1, expected) * HASH_BYTES);
  }

  append(leafHex: string, name = 'leaf'): void {
    if ((this.count + 1) * HASH_BYTES > this.packed.length) {
      const grown = Buffer.alloc(this.packed.length * 2);
      this.packed.copy(grown);
      this.packed = grown;
    }
    leafHash(hashBytes(leafHex, name)).copy(this.packed, this.count * HASH_BYTES);
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  build(): MerkleTree {
    return MerkleTree.fromPacked(this.packed, this.count);
  }
}

export function merkleRoot(leaves: readonly string[]): string {
  return MerkleTree.fromLeaves(leaves).root();
}

/** Audit path of RFC 9162 §2.1.3.1 for the leaf at `index`, from the leaf's sibling up to the root's child. */
export function inclusionProof(leaves: readonly string[], index: number): string[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} is outside a tree of ${leaves.length} leaves`);
  }
  return MerkleTree.fromLeaves(leaves).inclusionProof(index);
}

/** Consistency proof (RFC 9162 §2.1.4.1) between the trees of the first `oldSize` and `newSize` leaves. */
export function consistencyProof(leaves: readonly string[], oldSize: number, newSize: number): string[] {
  if (!isTreeSize(newSize) || newSize > leaves.length) {
    throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} leaves over ${leaves.length} leaves`);
  }
  return MerkleTree.fromLeaves(leaves, newSize).consistencyProof(oldSize, newSize);
}
