import { createHash } from 'node:crypto';
import { isHashHex } from './hash-hex';

// Merkle Tree Hash of RFC 9162 §2.1 (RFC 6962's tree). Leaves are event hashes (64 lowercase hex digits);
// every hash taken or returned here is in that form.

const HASH_BYTES = 32;
// Distinct prefixes keep a leaf from ever passing for an inner node (second-preimage defence, RFC 9162 §2.1.1).
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
const EMPTY_ROOT = createHash('sha256').digest('hex');

function leafHash(entry: Buffer): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(entry).digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

function hashBytes(hex: string, name: string): Buffer {
  // Buffer.from(hex, 'hex') silently drops what it cannot parse, so the format is checked first.
  if (!isHashHex(hex)) throw new TypeError(`${name} must be 64 lowercase hex digits`);
  return Buffer.from(hex, 'hex');
}

function isTreeSize(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Where RFC 9162 splits a tree of n >= 2 leaves: the largest power of two below n. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function half(n: number): number {
  // Sizes may exceed 2^31, where JavaScript's bitwise shifts would wrap.
  return Math.floor(n / 2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n = half(n);
  return n === 1;
}

/**
 * Root of a tree grown one leaf at a time, holding only the roots of its perfect subtrees (one per set bit of the
 * size): the seal streams millions of event hashes from the store and must not keep them.
 */
export class MerkleAccumulator {
  // Largest subtree first; appending works like incrementing a binary counter, each carry merging two subtrees.
  private readonly frontier: Buffer[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leafHex: string): void {
    let hash = leafHash(hashBytes(leafHex, 'leaf'));
    for (let carry = this.count; carry % 2 === 1; carry = half(carry)) {
      hash = nodeHash(this.frontier.pop() as Buffer, hash);
    }
    this.frontier.push(hash);
    this.count += 1;
  }

  root(): string {
    // The split at the largest power of two makes the tree the frontier folded from its smallest subtree up.
    let hash: Buffer | undefined;
    for (let i = this.frontier.length - 1; i >= 0; i -= 1) {
      hash = hash === undefined ? this.frontier[i] : nodeHash(this.frontier[i], hash);
    }
    return hash === undefined ? EMPTY_ROOT : hash.toString('hex');
  }
}

/**
 * A Merkle tree over leaf hashes packed in one Buffer (32 bytes a leaf: 32 MB for a million events), answering
 * roots and proofs for any prefix. Perfect subtrees of 64 leaves or more are memoised, so that the thousands of
 * inclusion proofs of a filtered export share their work instead of rehashing the log for each.
 */
export class MerkleTree {
  private readonly memo = new Map<number, Buffer>();

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
        rootFirst.push(this.subtreeHash(from + k, to));
        to = from + k;
      } else {
        rootFirst.push(this.subtreeHash(from, from + k));
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

  /** MTH(D[from:to]); the recursion is only log2(to - from) deep. */
  private subtreeHash(from: number, to: number): Buffer {
    const width = to - from;
    if (width === 1) return this.packed.subarray(from * HASH_BYTES, to * HASH_BYTES);
    // RFC 9162 splits at the largest power of two, so every left child is a perfect subtree aligned on its width.
    const memoised = width >= MEMO_MIN_WIDTH && isPowerOfTwo(width);
    // from is a multiple of width (a power of two): width × (2·from/width + 1) is unique per subtree.
    const key = from * 2 + width;
    const known = memoised ? this.memo.get(key) : undefined;
    if (known !== undefined) return known;
    const k = splitPoint(width);
    const hash = nodeHash(this.subtreeHash(from, from + k), this.subtreeHash(from + k, to));
    if (memoised) this.memo.set(key, hash);
    return hash;
  }

  private checkSize(size: number): void {
    if (!isTreeSize(size) || size > this.size) throw new RangeError(`no tree of ${size} leaves among ${this.size}`);
  }
}

// Subtrees narrower than this are cheap to rehash; memoising them would cost more memory than time saved.
const MEMO_MIN_WIDTH = 64;

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

/**
 * RFC 9162 §2.1.3.2: whether `leafHex` (an event hash, not yet leaf-hashed) sits at `index` in the tree of `treeSize`
 * leaves with root `rootHex`. Malformed input is a failed proof, not an error: proofs come from files under audit.
 */
export function verifyInclusion(
  leafHex: string,
  index: number,
  treeSize: number,
  proof: readonly string[],
  rootHex: string,
): boolean {
  if (!isHashHex(leafHex) || !isHashHex(rootHex) || !proof.every(isHashHex)) return false;
  if (!isTreeSize(treeSize) || !Number.isSafeInteger(index) || index < 0 || index >= treeSize) return false;
  let [fn, sn] = [index, treeSize - 1];
  let r = leafHash(Buffer.from(leafHex, 'hex'));
  for (const p of proof) {
    if (sn === 0) return false;
    const sibling = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      // On the right edge of an unbalanced tree a level has no sibling: climb until this node is a right child.
      while (fn !== 0 && fn % 2 === 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, sibling);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(Buffer.from(rootHex, 'hex'));
}

/** Consistency proof (RFC 9162 §2.1.4.1) between the trees of the first `oldSize` and `newSize` leaves. */
export function consistencyProof(leaves: readonly string[], oldSize: number, newSize: number): string[] {
  if (!isTreeSize(newSize) || newSize > leaves.length) {
    throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} leaves over ${leaves.length} leaves`);
  }
  return MerkleTree.fromLeaves(leaves, newSize).consistencyProof(oldSize, newSize);
}

/** RFC 9162 §2.1.4.2. Malformed input is a failed proof, not an error, as for {@link verifyInclusion}. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: string,
  newRoot: string,
  proof: readonly string[],
): boolean {
  if (!isHashHex(oldRoot) || !isHashHex(newRoot) || !proof.every(isHashHex)) return false;
  if (!isTreeSize(oldSize) || !isTreeSize(newSize) || oldSize > newSize) return false;
  if (oldSize === 0) return proof.length === 0 && oldRoot === EMPTY_ROOT && (newSize > 0 || newRoot === EMPTY_ROOT);
  if (oldSize === newSize) return proof.length === 0 && oldRoot === newRoot;
  if (proof.length === 0) return false;

  const path = proof.map((hash) => Buffer.from(hash, 'hex'));
  // A perfect old tree is a node of the new one, so the proof leaves out its root: the verifier holds it already.
  if (isPowerOfTwo(oldSize)) path.unshift(Buffer.from(oldRoot, 'hex'));
  let [fn, sn] = [oldSize - 1, newSize - 1];
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let [fr, sr]: Buffer[] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn !== 0 && fn % 2 === 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(Buffer.from(oldRoot, 'hex')) && sr.equals(Buffer.from(newRoot, 'hex'));
}
