import { half, EMPTY_ROOT, leafHashOf, nodeHash } from './tree-hash';

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
    this.appendLeafHash(leafHashOf(leafHex));
  }

  /** append, with the leaf's hash (leafHashOf) already taken: a verifier takes it in its workers. */
  appendLeafHash(leafHash: Buffer): void {
    let hash = leafHash;
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
