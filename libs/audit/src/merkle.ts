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

/** The leaf hashes of the first `count` leaves in one Buffer: a proof touches every leaf, one allocation is enough. */
function packLeafHashes(leaves: readonly string[], count: number): Buffer {
  const packed = Buffer.alloc(count * HASH_BYTES);
  for (let i = 0; i < count; i += 1) leafHash(hashBytes(leaves[i], `leaves[${i}]`)).copy(packed, i * HASH_BYTES);
  return packed;
}

/** MTH(D[from:to]) over packed leaf hashes; the recursion is only log2(to - from) deep. */
function subtreeHash(packed: Buffer, from: number, to: number): Buffer {
  if (to - from === 1) return packed.subarray(from * HASH_BYTES, to * HASH_BYTES);
  const k = splitPoint(to - from);
  return nodeHash(subtreeHash(packed, from, from + k), subtreeHash(packed, from + k, to));
}

export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return EMPTY_ROOT;
  return subtreeHash(packLeafHashes(leaves, leaves.length), 0, leaves.length).toString('hex');
}

/** Audit path of RFC 9162 §2.1.3.1 for the leaf at `index`, from the leaf's sibling up to the root's child. */
export function inclusionProof(leaves: readonly string[], index: number): string[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} is outside a tree of ${leaves.length} leaves`);
  }
  const packed = packLeafHashes(leaves, leaves.length);
  const rootFirst: Buffer[] = [];
  let [from, to] = [0, leaves.length];
  while (to - from > 1) {
    const k = splitPoint(to - from);
    if (index < from + k) {
      rootFirst.push(subtreeHash(packed, from + k, to));
      to = from + k;
    } else {
      rootFirst.push(subtreeHash(packed, from, from + k));
      from += k;
    }
  }
  return rootFirst.reverse().map((hash) => hash.toString('hex'));
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

/**
 * Consistency proof of RFC 9162 §2.1.4.1 that the tree of the first `oldSize` leaves is a prefix of the tree of the
 * first `newSize`. Empty when the sizes are equal or the old tree is empty (every tree extends it).
 */
export function consistencyProof(leaves: readonly string[], oldSize: number, newSize: number): string[] {
  if (!isTreeSize(oldSize) || !isTreeSize(newSize) || oldSize > newSize || newSize > leaves.length) {
    throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} leaves over ${leaves.length} leaves`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  const packed = packLeafHashes(leaves, newSize);
  const rootFirst: Buffer[] = [];
  let [from, to, m] = [0, newSize, oldSize];
  // SUBPROOF's flag b: whether the subtree in hand is still the old tree's own root, which the verifier already has.
  let oldRootInHand = true;
  while (m !== to - from) {
    const k = splitPoint(to - from);
    if (m <= k) {
      rootFirst.push(subtreeHash(packed, from + k, to));
      to = from + k;
    } else {
      rootFirst.push(subtreeHash(packed, from, from + k));
      from += k;
      m -= k;
      oldRootInHand = false;
    }
  }
  if (!oldRootInHand) rootFirst.push(subtreeHash(packed, from, to));
  return rootFirst.reverse().map((hash) => hash.toString('hex'));
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
