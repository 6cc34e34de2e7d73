import { assertNoteText, formatNote, type NoteSignature } from './signed-note';

// Signing a note text with one or more keys.

/** A key that signs note texts: its name and key ID go on the signature line, before what `sign` returns. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Buffer): Buffer;
}

/** One signature of `text`, e.g. a witness's cosignature line to send back to the log. */
export function signText(text: string, signer: NoteSigner): NoteSignature {
  assertNoteText(text);
  return { name: signer.name, keyId: signer.keyId, signature: signer.sign(Buffer.from(text, 'utf8')) };
}

/** The signed note: `text`, a blank line, and a signature line per signer in the order given. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  return formatNote({ text, signatures: signers.map((signer) => signText(text, signer)) });
}
