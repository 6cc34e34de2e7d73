import { createHash } from 'node:crypto';
import { merkleRoot } from '../merkle/merkle-tree';
import type { RecordedSeal } from '../seal/seal';
import { ExportProblemFound } from './export-problem';
import { SealRoots } from './seal-roots';

// Positions are opaque and need not be contiguous (KurrentDB's are not): events at 10, 20, ... 80.
const hashes = Array.from({ length: 8 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));
const positions = hashes.map((_, i) => BigInt((i + 1) * 10));

function seal(cycleId: string, sealedPosition: string, leaves: number, position: string): RecordedSeal {
  const root = merkleRoot(hashes.slice(0, leaves));
  return {
    cycleId,
    heldOn: '2021-10-05',
    sealedPosition,
    eventCount: leaves,
    merkleRoot: root,
    signature: '',
    position,
  };
}

function walk(seals: RecordedSeal[], count = hashes.length): { checked: number; problem?: unknown } {
  const roots = new SealRoots(seals);
  try {
    for (let i = 0; i < count; i += 1) {
      roots.before(positions[i]);
      roots.add(positions[i], hashes[i]);
    }
    roots.finish();
  } catch (error) {
    if (error instanceof ExportProblemFound) return { checked: roots.sealsChecked, problem: error.problem };
    throw error;
  }
  return { checked: roots.sealsChecked };
}

describe('SealRoots', () => {
  it('checks each seal over exactly the events up to its sealedPosition, an event there or not', () => {
    expect(walk([seal('a', '20', 2, '25'), seal('b', '45', 4, '50'), seal('c', '80', 8, '90')])).toEqual({
      checked: 3,
    });
  });

  it('reports a seal whose root is right for another count, at the seal', () => {
    const wrongCount = { ...seal('a', '20', 2, '25'), eventCount: 3 };
    expect(walk([wrongCount])).toEqual({
      checked: 0,
      problem: expect.objectContaining({ code: 'merkle_mismatch', position: '25' }),
    });
  });

  it('reports a seal that does not cover what it says, even with the right count', () => {
    const shifted = { ...seal('a', '20', 2, '25'), sealedPosition: '30' };
    expect(walk([shifted]).problem).toMatchObject({ code: 'merkle_mismatch', cycleId: 'a' });
  });

  it('checks seals past the last event against the whole log at the end', () => {
    expect(walk([seal('a', '90', 8, '95')])).toEqual({ checked: 1 });
    expect(walk([seal('a', '90', 8, '95')], 6).problem).toMatchObject({ code: 'merkle_mismatch', position: '95' });
  });
});
