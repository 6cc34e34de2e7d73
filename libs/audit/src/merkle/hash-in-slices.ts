// A big Merkle tree hashed in slices, so that a log of millions of events never holds the event loop for seconds.
import { timeSliceSpent, yieldToEventLoop } from '@portfolio/event-store';
import type { MerkleTree } from './merkle-tree';

// Leaves hashed between two looks at the time slice: a millisecond or two of SHA-256.
const STEP = 1024;

/**
 * Hashes the tree's aligned perfect subtrees over the leaves from `from` on, a step at a time, yielding to the event
 * loop when a time slice is spent. The tree memoises them: the roots and proofs asked next combine a few of them
 * instead of hashing the whole log in one synchronous stretch that would hold every request of the service.
 */
export async function hashInSlices(tree: MerkleTree, from = 0): Promise<void> {
  for (let size = (Math.floor(from / STEP) + 1) * STEP; size <= tree.size; size += STEP) {
    tree.root(size);
    if (timeSliceSpent()) await yieldToEventLoop();
  }
}
