import { isHashHex } from '../hash-hex';
import { EMPTY_ROOT, half, isPowerOfTwo, isTreeSize, leafHash, nodeHash } from './tree-hash';

// Checks of RFC 9162 proofs, as an auditor runs them: malformed input is a failed proof, never an error.

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
