import { createPublicKey } from 'node:crypto';
import { ed25519NoteVerifier } from '../transparency/ed25519-note-key';
import { SignatureType } from '../transparency/note-key';
import type { NoteVerifier } from '../transparency/open-note';
import { formatVerifierKey } from '../transparency/verifier-key';

/**
 * The instance's key as the verifier of its signed notes: the seal key (SPKI PEM) under the log's origin, the name
 * its checkpoints and export statements are signed with. Throws when the PEM is not an Ed25519 key or the origin
 * cannot name a key.
 */
export function instanceNoteVerifier(publicKeyPem: string, origin: string): NoteVerifier {
  const key = createPublicKey({ key: publicKeyPem, format: 'pem' });
  return ed25519NoteVerifier(formatVerifierKey(origin, SignatureType.ed25519, key));
}
