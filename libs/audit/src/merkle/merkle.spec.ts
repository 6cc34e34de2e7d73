import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { MerkleAccumulator } from './merkle-accumulator';
import { verifyConsistency, verifyInclusion } from './merkle-proofs';
import { MerkleTreeBuilder, consistencyProof, inclusionProof, merkleRoot } from './merkle-tree';

// The definition of RFC 9162 §2.1.1, written out independently of the code under test.
const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (hex: string): Buffer => sha256(Buffer.from([0x00]), Buffer.from(hex, 'hex'));
const node = (left: Buffer, right: Buffer): Buffer => sha256(Buffer.from([0x01]), left, right);

const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Distinct event hashes: sha256 of "<seed>-<i>". */
function eventHashes(count: number, seed = 'event'): string[] {
  return Array.from({ length: count }, (_, i) => createHash('sha256').update(`${seed}-${i}`).digest('hex'));
}

/** The same hash with its last hex digit changed. */
function altered(hex: string): string {
  return hex.slice(0, -1) + (parseInt(hex.slice(-1), 16) ^ 1).toString(16);
}

function prefixRoots(leaves: readonly string[]): string[] {
  const accumulator = new MerkleAccumulator();
  const roots = [accumulator.root()];
  for (const hash of leaves) {
    accumulator.append(hash);
    roots.push(accumulator.root());
  }
  return roots;
}

const tree = fc.record({ size: fc.integer({ min: 1, max: 70 }), seed: fc.string() });

describe('merkleRoot', () => {
  const d = eventHashes(7);
  const l = d.map(leaf);

  it('is the hash of nothing for the empty tree', () => {
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
  });

  it('hashes leaves with 0x00 and nodes with 0x01, splitting at the largest power of two', () => {
    expect(merkleRoot(d.slice(0, 1))).toBe(l[0].toString('hex'));
    expect(merkleRoot(d.slice(0, 2))).toBe(node(l[0], l[1]).toString('hex'));
    expect(merkleRoot(d.slice(0, 3))).toBe(node(node(l[0], l[1]), l[2]).toString('hex'));
    const seven = node(node(node(l[0], l[1]), node(l[2], l[3])), node(node(l[4], l[5]), l[6]));
    expect(merkleRoot(d)).toBe(seven.toString('hex'));
  });

  // Computed with Python's hashlib from the RFC's recursive definition, over sha256("event-<i>").
  it.each([
    [1, 'e92348a95c75e943f06588e8f4e6c73d17fbe56595c75169aafbb8086ad75adf'],
    [2, '6de3c59a3e329a98770e8c038c0ddc766ec1043d9f69b53330a6e20da76fe934'],
    [3, '889c7b0b601b40a117fd856be1a22a045b6e521b8f1e08c8e7bd8f0646fbed72'],
    [4, '8b897bec17dfc6f9f4d1563d12da0feb2cad54820b11146a3a9dcab584de6fa0'],
    [5, '3c62a41e41adff75f778a4069d6239022bbaa808c0d24a805147562483429914'],
    [7, 'd01437ad52b18e6584ce03f2d29d7597f8d31803f2160fb31c670a64af325417'],
  ])('matches an independent implementation for %i leaves', (size, root) => {
    expect(merkleRoot(d.slice(0, size))).toBe(root);
  });

  it.each([['A'.repeat(64)], ['ab'], ['z'.repeat(64)], [`${'0'.repeat(64)}00`]])('rejects the leaf %s', (bad) => {
    expect(() => merkleRoot([d[0], bad])).toThrow(TypeError);
  });
});

describe('MerkleAccumulator', () => {
  it('starts as the empty tree', () => {
    const accumulator = new MerkleAccumulator();
    expect(accumulator.size).toBe(0);
    expect(accumulator.root()).toBe(EMPTY_ROOT);
  });

  it('gives the root of every prefix as the leaves stream in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 }), fc.string(), (size, seed) => {
        const leaves = eventHashes(size, seed);
        const roots = prefixRoots(leaves);
        roots.forEach((root, count) => expect(root).toBe(merkleRoot(leaves.slice(0, count))));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a malformed leaf and stays as it was', () => {
    const accumulator = new MerkleAccumulator();
    accumulator.append(eventHashes(1)[0]);
    const root = accumulator.root();
    expect(() => accumulator.append('F'.repeat(64))).toThrow(TypeError);
    expect(accumulator.size).toBe(1);
    expect(accumulator.root()).toBe(root);
  });
});

describe('inclusion proofs', () => {
  it('match an independent implementation', () => {
    expect(inclusionProof(eventHashes(7), 4)).toEqual([
      'c394c48543d4681b0233db5620599ffd1ddfca533c44ecfb2bacee3f8ac6b306',
      'dbbb72e9f3b8d5b9f16742948a1c8774a93e2f0c96b7118a0ebf379f9bdc1c20',
      '8b897bec17dfc6f9f4d1563d12da0feb2cad54820b11146a3a9dcab584de6fa0',
    ]);
  });

  it('verify for every leaf of every tree of 1 to 70 leaves', () => {
    for (let size = 1; size <= 70; size += 1) {
      const leaves = eventHashes(size, `tree-${size}`);
      const root = merkleRoot(leaves);
      leaves.forEach((hash, index) => {
        expect(verifyInclusion(hash, index, size, inclusionProof(leaves, index), root)).toBe(true);
      });
    }
  });

  it('fail for a wrong leaf, a wrong index, or a tampered, truncated or extended proof', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), ({ size, seed }, i, j, k) => {
        const leaves = eventHashes(size, seed);
        const root = merkleRoot(leaves);
        const index = i % size;
        const proof = inclusionProof(leaves, index);
        const hash = leaves[index];

        expect(verifyInclusion(altered(hash), index, size, proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(leaves[(index + 1) % size], index, size, proof, root)).toBe(false);
        // Any index but this one, including the first past the end.
        const otherIndex = (index + 1 + (j % size)) % (size + 1);
        expect(verifyInclusion(hash, otherIndex, size, proof, root)).toBe(false);
        expect(verifyInclusion(hash, index, size, proof, altered(root))).toBe(false);
        expect(verifyInclusion(hash, index, size, [...proof, root], root)).toBe(false);
        if (proof.length > 0) {
          const at = k % proof.length;
          const tampered = proof.map((p, n) => (n === at ? altered(p) : p));
          expect(verifyInclusion(hash, index, size, tampered, root)).toBe(false);
          expect(verifyInclusion(hash, index, size, proof.slice(0, -1), root)).toBe(false);
        }
      }),
    );
  });

  it('refuse an index outside the tree', () => {
    const leaves = eventHashes(5);
    const root = merkleRoot(leaves);
    expect(() => inclusionProof(leaves, 5)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, -1)).toThrow(RangeError);
    expect(() => inclusionProof(leaves, 1.5)).toThrow(RangeError);
    expect(verifyInclusion(leaves[4], 5, 5, inclusionProof(leaves, 4), root)).toBe(false);
    expect(verifyInclusion(leaves[0], -1, 5, inclusionProof(leaves, 0), root)).toBe(false);
  });

  it('refuse a proof too short for the tree size it claims', () => {
    const leaves = eventHashes(3);
    const rootOfTwo = merkleRoot(leaves.slice(0, 2));
    expect(verifyInclusion(leaves[0], 0, 3, inclusionProof(leaves.slice(0, 2), 0), rootOfTwo)).toBe(false);
  });

  it('treat a malformed proof as a failed one', () => {
    const leaves = eventHashes(5);
    const proof = inclusionProof(leaves, 2);
    const root = merkleRoot(leaves);
    expect(verifyInclusion(leaves[2], 2, 5, [proof[0].toUpperCase(), ...proof.slice(1)], root)).toBe(false);
    expect(verifyInclusion(leaves[2], 2, 5, proof, root.toUpperCase())).toBe(false);
    expect(verifyInclusion(leaves[2], 2, 5, [proof[0].slice(2), ...proof.slice(1)], root)).toBe(false);
  });
});

describe('consistency proofs', () => {
  it('match an independent implementation', () => {
    const leaves = eventHashes(7);
    expect(consistencyProof(leaves, 3, 7)).toEqual([
      'd1c02dd09e1affe3ded8d8e59e915fbf19c7cac0156aa56ae7ddd646884144b5',
      'c8f17fc2943f60c71e301a1de70d03029c8dc8387b3ce091898546b9bc4931e2',
      '6de3c59a3e329a98770e8c038c0ddc766ec1043d9f69b53330a6e20da76fe934',
      'dcf3c9fe2bd92388af611bec2e7143308a6f42837cc3cdff7b74d634cb0b9aa3',
    ]);
    expect(consistencyProof(leaves, 4, 7)).toEqual([
      'dcf3c9fe2bd92388af611bec2e7143308a6f42837cc3cdff7b74d634cb0b9aa3',
    ]);
  });

  it('verify for every 1 <= m <= n <= 70', () => {
    for (let n = 1; n <= 70; n += 1) {
      const leaves = eventHashes(n, `tree-${n}`);
      const roots = prefixRoots(leaves);
      for (let m = 1; m <= n; m += 1) {
        expect(verifyConsistency(m, n, roots[m], roots[n], consistencyProof(leaves, m, n))).toBe(true);
      }
    }
  });

  it('fail when either root or a proof element is altered, or the old tree is not a prefix', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), ({ size: n, seed }, i, k) => {
        const m = 1 + (i % n);
        const leaves = eventHashes(n, seed);
        const [oldRoot, newRoot] = [merkleRoot(leaves.slice(0, m)), merkleRoot(leaves)];
        const proof = consistencyProof(leaves, m, n);
        const forkedRoot = merkleRoot([...leaves.slice(0, m - 1), altered(leaves[m - 1])]);

        expect(verifyConsistency(m, n, altered(oldRoot), newRoot, proof)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, altered(newRoot), proof)).toBe(false);
        expect(verifyConsistency(m, n, forkedRoot, newRoot, proof)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, newRoot])).toBe(false);
        if (proof.length > 0) {
          const at = k % proof.length;
          const tampered = proof.map((p, x) => (x === at ? altered(p) : p));
          expect(verifyConsistency(m, n, oldRoot, newRoot, tampered)).toBe(false);
          expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
        }
      }),
    );
  });

  it('hold trivially from the empty tree, whose root is fixed', () => {
    const leaves = eventHashes(6);
    expect(consistencyProof(leaves, 0, 6)).toEqual([]);
    expect(verifyConsistency(0, 6, EMPTY_ROOT, merkleRoot(leaves), [])).toBe(true);
    expect(verifyConsistency(0, 6, merkleRoot(leaves), merkleRoot(leaves), [])).toBe(false);
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(true);
  });

  it('refuse sizes that do not describe a tree and its extension', () => {
    const leaves = eventHashes(6);
    const roots = prefixRoots(leaves);
    expect(() => consistencyProof(leaves, 4, 3)).toThrow(RangeError);
    expect(() => consistencyProof(leaves, 3, 7)).toThrow(RangeError);
    expect(() => consistencyProof(leaves, -1, 3)).toThrow(RangeError);
    expect(verifyConsistency(4, 3, roots[4], roots[3], consistencyProof(leaves, 3, 4))).toBe(false);
    expect(verifyConsistency(3, 6, roots[3], roots[6], [])).toBe(false);
    // Both roots check out, but one proof element cannot span a new tree of three leaves.
    expect(verifyConsistency(1, 3, roots[1], roots[2], consistencyProof(leaves, 1, 2))).toBe(false);
  });
});

describe('MerkleTree over a large log', () => {
  // Beyond the width where subtrees are memoised: proofs drawn from the shared memo must still verify.
  const leaves = Array.from({ length: 1000 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));
  const builder = new MerkleTreeBuilder(1);
  for (const leaf of leaves) builder.append(leaf);
  const tree = builder.build();

  it('answers the root of every prefix as an accumulator fed the same leaves does', () => {
    const accumulator = new MerkleAccumulator();
    leaves.forEach((leaf, i) => {
      accumulator.append(leaf);
      if (i % 37 === 0 || i === leaves.length - 1) expect(tree.root(i + 1)).toBe(accumulator.root());
    });
  });

  it('gives inclusion and consistency proofs that verify, for many sizes and indexes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), fc.nat(), (size, i, m) => {
        const index = i % size;
        const oldSize = (m % size) + 1;
        const root = tree.root(size);
        expect(verifyInclusion(leaves[index], index, size, tree.inclusionProof(index, size), root)).toBe(true);
        expect(verifyConsistency(oldSize, size, tree.root(oldSize), root, tree.consistencyProof(oldSize, size))).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives each leaf the proof of a fresh tree when asked leaf after leaf, as a filtered export asks', () => {
    for (let index = 0; index < leaves.length; index += 1) {
      expect(tree.inclusionProof(index)).toEqual(inclusionProof(leaves, index));
    }
  });
});
