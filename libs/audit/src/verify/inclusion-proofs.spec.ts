import type { StoredEvent } from '@portfolio/event-store';
import { createHash } from 'node:crypto';
import type { ExportInclusionProof } from '../export/export-format';
import { inclusionProof, merkleRoot } from '../merkle/merkle-tree';
import type { RecordedSeal } from '../seal/seal';
import { ExportProblemFound } from './export-problem';
import { InclusionProofs } from './inclusion-proofs';

// A log of 8 events at positions 10, 20, ... 80, sealed whole; the export holds the events at 20, 50 and 70.
const hashes = Array.from({ length: 8 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));
const seal: RecordedSeal = {
  cycleId: 'citp',
  heldOn: '2021-10-05',
  sealedPosition: '80',
  eventCount: 8,
  merkleRoot: merkleRoot(hashes),
  signature: '',
  position: '90',
};
const event = (index: number, position = (index + 1) * 10): StoredEvent =>
  ({ position: BigInt(position), hash: hashes[index] }) as StoredEvent;
const proofOf = (index: number, position = (index + 1) * 10): ExportInclusionProof => ({
  position: String(position),
  leafIndex: index,
  cycleId: 'citp',
  treeSize: 8,
  proof: inclusionProof(hashes, index),
});
const exported = [1, 4, 6];

function run(proofs: ExportInclusionProof[], events: StoredEvent[] = exported.map((i) => event(i))) {
  const cursor = new InclusionProofs(proofs, new Map([['citp', seal]]));
  try {
    events.forEach((e, line) => cursor.check(e, line + 1));
    cursor.finish();
  } catch (error) {
    if (error instanceof ExportProblemFound) return error.problem;
    throw error;
  }
  return cursor.proofsChecked;
}

describe('InclusionProofs', () => {
  const proofs = exported.map((i) => proofOf(i));

  it('checks every exported event against the seal', () => {
    expect(run(proofs)).toBe(3);
  });

  it('reports an event whose proof does not place it in the tree', () => {
    const altered = [event(1), { ...event(4), hash: hashes[3] }, event(6)];
    expect(run(proofs, altered)).toMatchObject({ code: 'inclusion_failed', position: '50', line: 2 });
  });

  it('reports events moved out of log order, though each proof holds', () => {
    // The events at leaves 4 and 6 swapped under their positions, with their proofs.
    const swapped = [event(1), event(6, 50), event(4, 70)];
    expect(run([proofs[0], proofOf(6, 50), proofOf(4, 70)], swapped)).toMatchObject({
      code: 'inclusion_failed',
      position: '70',
    });
  });

  it('reports an event renumbered past the seal it is proven against', () => {
    const seal60 = new Map([['citp', { ...seal, sealedPosition: '60', eventCount: 8 }]]);
    const cursor = new InclusionProofs([proofOf(6, 70)], seal60);
    expect(() => cursor.check(event(6, 70), 1)).toThrow(/sealed only up to 60/);
  });

  it('reports a proof against a tree of another size, or against no listed seal', () => {
    expect(run([proofs[0], { ...proofs[1], treeSize: 7 }, proofs[2]])).toMatchObject({
      code: 'inclusion_failed',
      message: expect.stringContaining('tree of 7 events'),
    });
    expect(run([{ ...proofs[0], cycleId: 'other' }, ...proofs.slice(1)])).toMatchObject({
      code: 'inclusion_failed',
      position: '20',
    });
  });

  it('reports a sealed event without a proof, and a proof without its event', () => {
    expect(run([proofs[0], proofs[2]])).toMatchObject({ code: 'missing_proof', position: '50' });
    expect(run(proofs, [event(1), event(6)])).toMatchObject({ code: 'missing_event', position: '50' });
    expect(run(proofs, [event(1), event(4)])).toMatchObject({ code: 'missing_event', position: '70' });
  });
});
