import type { StoredCheckpoint } from '../checkpoint/checkpoint-store';
import { consistencyProofOf, inclusionProofOf } from '../checkpoint/log-proofs';
import type { LogTree } from '../merkle/log-tree';
import type { RecordedSeal } from '../seal/seal';
import { signNote, type NoteSigner } from '../transparency/sign-note';
import { rootToBase64 } from '../transparency/checkpoint';
import {
  EXPORT_FORMAT_V2,
  formatExportStatement,
  type EventInclusionProof,
  type ExportTrailer,
  type WitnessedCheckpoint,
} from './export-trailer';
import type { ExportTally } from './export-tally';

/**
 * What an export is proven against, fixed when it is planned: the signed checkpoint of the whole log at its head, a
 * tree holding at least the checkpoint's leaves (the checkpointer's own, shared: nothing is read twice), the seals
 * known at that head, and the key that signs the export statement (the checkpoint's).
 */
export interface ExportCheckpoint {
  readonly checkpoint: StoredCheckpoint;
  readonly tree: LogTree;
  /** By sealed position. */
  readonly seals: readonly RecordedSeal[];
  readonly signer: NoteSigner;
  readonly witnessed?: WitnessedCheckpoint;
}

/** The audit path of the event at `position` in the checkpoint's tree (filtered exports, one per event). */
export function eventInclusionProof(proven: ExportCheckpoint, position: bigint): EventInclusionProof {
  const { leafIndex, proof } = inclusionProofOf(proven.tree, position, proven.checkpoint.treeSize);
  return { leafIndex, proof };
}

/** The trailer of an export whose events `tally` saw, its statement signed now. */
export function exportTrailer(
  proven: ExportCheckpoint,
  query: { readonly exportedAt: string; readonly filters: Readonly<Record<string, string>> },
  tally: ExportTally,
): ExportTrailer {
  const { checkpoint, tree, seals, signer, witnessed } = proven;
  const statement = formatExportStatement({
    treeSize: checkpoint.treeSize,
    root: rootToBase64(checkpoint.root),
    exportedAt: query.exportedAt,
    filters: query.filters,
    ...tally.result(),
    sealCount: seals.length,
  });
  return {
    format: EXPORT_FORMAT_V2,
    checkpoint: checkpoint.note,
    ...(checkpoint.timestamp === undefined ? {} : { timestamp: checkpoint.timestamp.token.toString('base64') }),
    statement: signNote(statement, [signer]),
    sealProofs: seals.map((seal) => ({
      cycleId: seal.cycleId,
      position: seal.position,
      treeSize: seal.eventCount,
      proof: consistencyProofOf(tree, seal.eventCount, checkpoint.treeSize).proof,
    })),
    ...(witnessed === undefined ? {} : { witnessed }),
  };
}

/** The witnessed checkpoint of a cosignature store, with its proof, when the export's checkpoint extends it. */
export function witnessedCheckpoint(
  cosigned: { readonly treeSize: number; readonly note: string } | undefined,
  tree: LogTree,
  treeSize: number,
): WitnessedCheckpoint | undefined {
  // One cosigned after the export's checkpoint was taken says nothing of it.
  if (cosigned === undefined || cosigned.treeSize > treeSize) return undefined;
  return { checkpoint: cosigned.note, proof: consistencyProofOf(tree, cosigned.treeSize, treeSize).proof };
}
