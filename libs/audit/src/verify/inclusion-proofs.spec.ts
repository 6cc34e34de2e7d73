import type { StoredEvent } from '@portfolio/event-store';
import { createHash } from 'node:crypto';
import type { EventInclusionProof } from '../export/export-trailer';
import { inclusionProof, merkleRoot } from '../merkle/merkle-tree';
import { ExportProblemFound } from './export-problem';
import { InclusionProofs } from './inclusion-proofs';

// A log of 8 events at positions 10, 20, ... 80, under a checkpoint of size 8; the export holds those at 20, 50, 70.
const hashes = Array.from({ length: 8 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));
const checkpoint = { size: 8, root: merkleRoot(hashes) };
const event = (index: number, position = (index + 1) * 10): StoredEvent =>
  ({ position: BigInt(position), hash: hashes[index] }) as StoredEvent;
const proofOf = (index: number): EventInclusionProof => ({
  leafIndex: index,
  proof: inclusionProof(hashes, index).map((hex) => Buffer.from(hex, 'hex').toString('base64')),
});
const exported = [1, 4, 6];

/** The lines of a filtered export: each event, then its proof (when there is one). */
function run(lines: readonly (StoredEvent | EventInclusionProof)[]) {
  const proofs = new InclusionProofs(checkpoint, 'events.ndjson');
  try {
    lines.forEach((line, i) => ('hash' in line ? proofs.event(line, i + 1) : proofs.proof(line, i + 1)));
    proofs.finish();
  } catch (error) {
    if (error instanceof ExportProblemFound) return error.problem;
    throw error;
  }
  return proofs.proofsChecked;
}

describe('InclusionProofs', () => {
  const lines = exported.flatMap((i) => [event(i), proofOf(i)]);

  it('checks every exported event against the checkpoint', () => {
    expect(run(lines)).toBe(3);
  });

  it('reports an event whose proof does not place it in the tree', () => {
    const altered = [event(1), proofOf(1), { ...event(4), hash: hashes[3] }, proofOf(4), event(6), proofOf(6)];
    expect(run(altered)).toMatchObject({ code: 'inclusion_failed', position: '50', line: 4 });
  });

  it('reports events moved out of log order, though each proof holds', () => {
    // The events at leaves 4 and 6 swapped under their positions, with their proofs.
    const swapped = [event(1), proofOf(1), event(6, 50), proofOf(6), event(4, 70), proofOf(4)];
    expect(run(swapped)).toMatchObject({ code: 'inclusion_failed', position: '70' });
  });

  it('reports an event without its proof, the last one included, and a proof that follows no event', () => {
    expect(run([event(1), proofOf(1), event(4), event(6), proofOf(6)])).toMatchObject({
      code: 'missing_proof',
      position: '50',
      line: 3,
    });
    expect(run([event(1), proofOf(1), event(4)])).toMatchObject({ code: 'missing_proof', position: '50' });
    expect(run([event(1), proofOf(1), proofOf(1)])).toMatchObject({ code: 'malformed_event', line: 3 });
  });
});
