import { formatCheckpoint, parseCheckpoint, type Checkpoint, type ParsedCheckpoint } from './checkpoint';
import { NoteError } from './note-error';
import { openNote, type NoteVerifier } from './open-note';
import { signNote, type NoteSigner } from './sign-note';
import type { NoteSignature } from './signed-note';

// Checkpoints as signed notes: the log signs them, witnesses may cosign them, a client trusts them only once opened.

export interface OpenedCheckpoint {
  readonly checkpoint: ParsedCheckpoint;
  /** The note text, as cosignatures sign it. */
  readonly text: string;
  /** The signatures of the given witnesses that verified; the log's own is not among them. */
  readonly cosignatures: readonly NoteSignature[];
}

/** The signed checkpoint note; the log's signer should be named after the origin. */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(checkpoint), signers);
}

/**
 * Opens a checkpoint that the log's key must have signed, with the cosignatures of those `witnesses` that did. A
 * known key's signature that fails rejects the note (see openNote); counting enough witnesses is the caller's policy.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  log: NoteVerifier,
  witnesses: readonly NoteVerifier[] = [],
): OpenedCheckpoint {
  const { text, verified } = openNote(note, [log, ...witnesses]);
  const isLog = (signature: NoteSignature) => signature.name === log.name && signature.keyId === log.keyId;
  if (!verified.some(isLog)) {
    throw new NoteError('unverified', `the checkpoint is not signed by the log key ${log.name}`);
  }
  // Parsed only once signed: the specification has a note's text ignored until a trusted signature vouches for it.
  return { checkpoint: parseCheckpoint(text), text, cosignatures: verified.filter((signature) => !isLog(signature)) };
}
