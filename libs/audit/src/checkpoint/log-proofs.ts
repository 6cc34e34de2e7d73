import type { LogTree } from '../merkle/log-tree';

// Inclusion and consistency proofs over the tree of the log, as GET /audit/proofs/* serves them: hashes in base64,
// as checkpoints carry their root.

/** A proof asked for sizes or positions the log cannot prove; names the parameter at fault. */
export class ProofRequestError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProofRequestError';
  }
}

export interface InclusionProof {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly proof: readonly string[];
}

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly string[];
}

const toBase64 = (hashes: readonly string[]) => hashes.map((hex) => Buffer.from(hex, 'hex').toString('base64'));

function checkTreeSize(tree: LogTree, parameter: string, size: number): void {
  if (size > tree.tree.size) {
    throw new ProofRequestError(
      parameter,
      `${parameter} ${size} is beyond the log, which holds ${tree.tree.size} events`,
    );
  }
}

/** That the event at `position` is leaf `leafIndex` of the tree of the log's first `treeSize` events. */
export function inclusionProofOf(tree: LogTree, position: bigint, treeSize: number): InclusionProof {
  checkTreeSize(tree, 'treeSize', treeSize);
  const leafIndex = tree.leafIndex(position);
  if (leafIndex === undefined)
    throw new ProofRequestError('position', `the log holds no event at position ${position}`);
  if (leafIndex >= treeSize) {
    throw new ProofRequestError(
      'position',
      `the event at position ${position} is leaf ${leafIndex}, outside a tree of ${treeSize} leaves`,
    );
  }
  return { leafIndex, treeSize, proof: toBase64(tree.tree.inclusionProof(leafIndex, treeSize)) };
}

/** That the tree of the log's first `from` events is a prefix of the tree of its first `to`. */
export function consistencyProofOf(tree: LogTree, from: number, to: number): ConsistencyProof {
  checkTreeSize(tree, 'to', to);
  if (from > to) throw new ProofRequestError('from', `from ${from} is larger than to ${to}`);
  return { from, to, proof: toBase64(tree.tree.consistencyProof(from, to)) };
}
