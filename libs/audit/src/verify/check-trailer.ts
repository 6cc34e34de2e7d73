import { hexHashes } from '../export/export-trailer';
import { verifyConsistency } from '../merkle/merkle-proofs';
import type { RecordedSeal } from '../seal/seal';
import { fail } from './export-problem';
import type { OpenedTrailer } from './open-trailer';

/** What the walk found in the export, to compare with what its trailer says. */
export interface ExportContents {
  readonly eventCount: number;
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  /** EventHashesDigest of the events read. */
  readonly eventHashes: string;
  /** A full export's Merkle tree, recomputed from its events; undefined for a filtered export. */
  readonly tree?: { readonly size: number; readonly root: string };
  /** The seals the export shows (its manifest's, or its ReviewCycleHeld events'), by sealed position. */
  readonly seals: readonly RecordedSeal[];
  /** Whether `seals` are all the seals at the export's head (false for a bare filtered NDJSON file). */
  readonly allSeals: boolean;
}

function mismatch(file: string | undefined, message: string, position?: string): never {
  return fail({
    code: 'statement_mismatch',
    file,
    position,
    message: `${message}: events were removed, added or changed`,
  });
}

/**
 * Checks the export against its opened trailer: the statement's count, range and digest of the events, the
 * checkpoint's tree for a full export, and each seal as a prefix of the checkpoint. Returns the proofs checked.
 */
export function checkTrailer(opened: OpenedTrailer, contents: ExportContents, file: string | undefined): number {
  const { statement, checkpoint } = opened;
  if (statement.eventCount !== contents.eventCount) {
    mismatch(
      file,
      `the export statement counts ${statement.eventCount} events, the export holds ${contents.eventCount}`,
    );
  }
  if (statement.firstPosition !== contents.firstPosition || statement.lastPosition !== contents.lastPosition) {
    mismatch(
      file,
      `the export statement spans positions ${statement.firstPosition} to ${statement.lastPosition}, the export ${contents.firstPosition} to ${contents.lastPosition}`,
    );
  }
  // A rewrite that kept the count is best named by the root: the log the export shows is not the one signed.
  const tree = contents.tree;
  if (tree !== undefined && (tree.size !== checkpoint.size || tree.root !== checkpoint.root)) {
    fail({
      code: 'checkpoint_mismatch',
      file,
      message: `the checkpoint signs ${checkpoint.size} events with root ${checkpoint.root}, but the export's ${tree.size} events have root ${tree.root}: the log was rewritten`,
    });
  }
  if (statement.eventHashes !== contents.eventHashes) {
    mismatch(file, 'the export statement’s digest of the event hashes is not that of the events exported');
  }
  return checkSealProofs(opened, contents, file);
}

/** Each seal the export shows must be a prefix of the checkpoint, by its sealProofs entry; as many as the statement says. */
function checkSealProofs(opened: OpenedTrailer, contents: ExportContents, file: string | undefined): number {
  const { trailer, statement, checkpoint } = opened;
  const { sealProofs } = trailer;
  if (
    sealProofs.length !== statement.sealCount ||
    (contents.allSeals && contents.seals.length !== statement.sealCount)
  ) {
    mismatch(
      file,
      `the export statement counts ${statement.sealCount} seals, the trailer proves ${sealProofs.length} and the export shows ${contents.seals.length}`,
    );
  }
  for (const seal of contents.seals) {
    const where = { file, position: seal.position, cycleId: seal.cycleId };
    const entry = sealProofs.find((p) => p.position === seal.position && p.cycleId === seal.cycleId);
    if (entry === undefined) {
      fail({
        code: 'inconsistent_seals',
        ...where,
        message: `the trailer proves no seal of review cycle ${seal.cycleId}`,
      });
    }
    const proof = hexHashes(entry.proof);
    if (
      entry.treeSize !== seal.eventCount ||
      !verifyConsistency(seal.eventCount, checkpoint.size, seal.merkleRoot, checkpoint.root, proof)
    ) {
      fail({
        code: 'inconsistent_seals',
        ...where,
        message: `the history sealed by review cycle ${seal.cycleId} is not proven a prefix of the export's checkpoint`,
      });
    }
  }
  return contents.seals.length;
}
