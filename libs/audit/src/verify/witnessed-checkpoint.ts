import { hexHashes, type WitnessedCheckpoint } from '../export/export-trailer';
import { verifyConsistency } from '../merkle/merkle-proofs';
import type { ParsedCheckpoint } from '../transparency/checkpoint';
import { openCheckpoint } from '../transparency/checkpoint-note';
import { NoteError } from '../transparency/note-error';
import type { NoteVerifier } from '../transparency/open-note';
import type { NoteSignature } from '../transparency/signed-note';
import type { ExportProblem } from './export-problem';

// The trailer's `witnessed` entry: the latest checkpoint witnesses cosigned, proven a prefix of the export's.

export interface ProvenWitnessedCheckpoint {
  readonly checkpoint: ParsedCheckpoint;
  /** The cosignatures, among the witness keys given, that verified. */
  readonly cosignatures: readonly NoteSignature[];
}

export type WitnessedOutcome = ProvenWitnessedCheckpoint | { readonly problem: ExportProblem };

const problem = (code: ExportProblem['code'], message: string) => ({ problem: { code, message } });

function open(note: string, log: NoteVerifier, witnesses: readonly NoteVerifier[]) {
  try {
    return openCheckpoint(note, log, witnesses);
  } catch (error) {
    if (error instanceof NoteError) return error;
    throw error;
  }
}

/**
 * Opens the witnessed checkpoint with the instance key and the given witnesses' keys, and checks its consistency
 * proof to the export's (already opened) checkpoint. Opening it with the instance key alone first tells a note the
 * instance did not sign from one carrying a forged cosignature.
 */
export function openWitnessed(
  witnessed: WitnessedCheckpoint,
  exported: ParsedCheckpoint,
  log: NoteVerifier,
  witnesses: readonly NoteVerifier[],
): WitnessedOutcome {
  const byLog = typeof witnessed.checkpoint === 'string' ? open(witnessed.checkpoint, log, []) : undefined;
  if (byLog === undefined || byLog instanceof NoteError) {
    const why = byLog?.message ?? 'it is not a note';
    return problem('bad_witnessed_checkpoint', `the witnessed checkpoint does not open with the instance key: ${why}`);
  }
  const opened = open(witnessed.checkpoint, log, witnesses);
  if (opened instanceof NoteError) return problem('bad_cosignature', `the witnessed checkpoint: ${opened.message}`);
  const { checkpoint } = opened;
  if (checkpoint.origin !== exported.origin) {
    return problem(
      'bad_witnessed_checkpoint',
      `the witnessed checkpoint is of log ${checkpoint.origin}, the export of ${exported.origin}`,
    );
  }
  // Hashes that are not base64 (the trailer's reader refuses them) decode to hex that no proof check accepts.
  const proof = hexHashes(witnessed.proof);
  if (!verifyConsistency(checkpoint.size, exported.size, checkpoint.root, exported.root, proof)) {
    return problem(
      'witness_inconsistent',
      `the witnessed checkpoint (size ${checkpoint.size}) is not proven a prefix of the export's (size ${exported.size}): ` +
        'the export shows another log than the one the witnesses saw',
    );
  }
  return { checkpoint, cosignatures: opened.cosignatures };
}
