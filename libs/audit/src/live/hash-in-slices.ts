// The live verifier's Merkle hashing, cut into slices so that a verification of a big log never holds the event loop.
import { timeSliceSpent, yieldToEventLoop } from '@portfolio/event-store';
import type { MerkleTree } from '../merkle/merkle-tree';

// Leaves hashed between two looks at the time slice: a millisecond or two of SHA-256.
const CHUNK = 1024;

/**
 * Hashes the tree's perfect subtrees a chunk of leaves at a time, yielding to the event loop when a time slice is
 * spent. The tree memoises them: the roots and proofs asked next combine them instead of hashing a million leaves in
 * one synchronous stretch that would hold every request of the service for seconds.
 */
export async function hashInSlices(tree: MerkleTree): Promise<void> {
  for (let size = CHUNK; size <= tree.size; size += CHUNK) {
    tree.root(size);
    if (timeSliceSpent()) await yieldToEventLoop();
  }
}
