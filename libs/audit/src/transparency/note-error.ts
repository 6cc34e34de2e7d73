// The one error the signed-note family (notes, verifier keys, checkpoints, cosignatures) throws on input it refuses.

export type NoteErrorReason =
  /** Not a note, key, checkpoint or signature the specification allows. */
  | 'malformed'
  /** A signature by a known key that does not verify. */
  | 'invalid_signature'
  /** No known key signed the note. */
  | 'unverified';

export class NoteError extends Error {
  constructor(
    readonly reason: NoteErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}
