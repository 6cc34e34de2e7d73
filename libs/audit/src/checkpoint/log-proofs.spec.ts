import { LogTreeBuilder } from '../merkle/log-tree';
import { verifyConsistency, verifyInclusion } from '../merkle/merkle-proofs';
import { consistencyProofOf, inclusionProofOf } from './log-proofs';

// Six events at positions 2, 4, ... 12 (positions need not be leaf indexes).
const hashes = Array.from({ length: 6 }, (_, i) => (i + 1).toString(16).repeat(64));
const builder = new LogTreeBuilder();
hashes.forEach((hash, i) => builder.append({ position: BigInt(2 * (i + 1)), hash }));
const log = builder.build();
const hex = (proof: readonly string[]) => proof.map((hash) => Buffer.from(hash, 'base64').toString('hex'));

describe('log proofs', () => {
  it('proves the event at a position included in a smaller tree, in base64', () => {
    const { leafIndex, treeSize, proof } = inclusionProofOf(log, 6n, 5);
    expect([leafIndex, treeSize]).toEqual([2, 5]);
    expect(verifyInclusion(hashes[2], 2, 5, hex(proof), log.tree.root(5))).toBe(true);
  });

  it('proves a smaller tree consistent with a larger one, in base64', () => {
    const { proof } = consistencyProofOf(log, 3, 6);
    expect(verifyConsistency(3, 6, log.tree.root(3), log.tree.root(6), hex(proof))).toBe(true);
  });

  it.each([
    [() => inclusionProofOf(log, 5n, 6), 'position', 'the log holds no event at position 5'],
    [() => inclusionProofOf(log, 12n, 5), 'position', 'the event at position 12 is leaf 5, outside a tree of 5 leaves'],
    [() => inclusionProofOf(log, 2n, 7), 'treeSize', 'treeSize 7 is beyond the log, which holds 6 events'],
    [() => consistencyProofOf(log, 4, 3), 'from', 'from 4 is larger than to 3'],
    [() => consistencyProofOf(log, 1, 9), 'to', 'to 9 is beyond the log, which holds 6 events'],
  ])('refuses impossible sizes and positions, naming the parameter (%#)', (ask, parameter, message) => {
    expect(ask).toThrow(expect.objectContaining({ parameter, message }));
  });
});
