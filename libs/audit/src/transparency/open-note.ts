import { NoteError } from './note-error';
import { keyIdHex } from './note-key';
import { parseNote, type NoteSignature } from './signed-note';

// Opening a note: which of the keys the caller trusts signed it, under the rules of C2SP signed-note, "Signatures".

export type SignatureVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: string };

/** A trusted key: signatures whose name and key ID both match it are checked with it. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: Buffer, signature: Buffer): SignatureVerdict;
}

export interface OpenedNote {
  readonly text: string;
  /** The signatures of known keys, all verified, in note order. */
  readonly verified: readonly NoteSignature[];
}

function whose(signature: NoteSignature): string {
  return `${signature.name} (key ID ${keyIdHex(signature.keyId)})`;
}

/**
 * The text of `note` and the known keys that signed it. Signatures by unknown keys are ignored, even those sharing a
 * name or an ID with a known key (the specification requires it, so that keys can rotate and witnesses be added). A
 * known key's signature that fails rejects the whole note, and so does a note that no known key signed.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const { text, signatures } = parseNote(note);
  const bytes = Buffer.from(text, 'utf8');
  const verified: NoteSignature[] = [];
  for (const signature of signatures) {
    const verifier = verifiers.find((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (verifier === undefined) continue;
    if (verified.some((seen) => seen.name === signature.name && seen.keyId === signature.keyId)) {
      throw new NoteError('malformed', `the note carries two signatures by ${whose(signature)}`);
    }
    const verdict = verifier.verify(bytes, signature.signature);
    if (!verdict.valid) {
      throw new NoteError(
        'invalid_signature',
        `the signature by ${whose(signature)} does not verify: ${verdict.reason}`,
      );
    }
    verified.push(signature);
  }
  if (verified.length === 0) {
    const signers = signatures.map(whose).join(', ');
    throw new NoteError('unverified', `no known key signed the note (it is signed by ${signers})`);
  }
  return { text, verified };
}
