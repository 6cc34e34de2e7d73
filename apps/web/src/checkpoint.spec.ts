import { covers, treeSizeOfNote, witnessOf, type Checkpoint } from './checkpoint';

// The latest checkpoint as the Audit and Revue pages read it: its size from the signed note, its witnesses, the seals
// it covers.

const checkpoint: Checkpoint = {
  treeSize: 76,
  position: '75',
  root: 'ab',
  signedAt: '2026-12-05T04:15:00.000Z',
  timestamp: null,
  cosignatures: [],
};

describe('the latest checkpoint', () => {
  it('reads the tree size on the second line of a signed note, and refuses what is not one', () => {
    expect(treeSizeOfNote('portfolio-ledger/abc\n2615\nq83=\n\n— portfolio-ledger/abc sig=\n')).toBe(2615);
    expect(() => treeSizeOfNote('not found')).toThrow('not a signed note');
  });

  it('names the witness of a cosignature line', () => {
    expect(witnessOf('— witness.example/one AAAAsig==')).toBe('witness.example/one');
  });

  it('covers a seal up to its own position, not one further in the log', () => {
    expect(covers(checkpoint, '75')).toBe(true);
    expect(covers(checkpoint, '51')).toBe(true);
    expect(covers(checkpoint, '76')).toBe(false);
  });
});
