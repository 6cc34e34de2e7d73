// Why a witness's cosignature handed to the instance is not stored; the API maps each reason to its status.

export type CosignatureRefusal =
  /** Not a signed note of a checkpoint. */
  | 'malformed_cosignature'
  /** No checkpoint of that size was signed here. */
  | 'unknown_checkpoint'
  /** The note's text is not the checkpoint signed here at that size (another origin or root). */
  | 'checkpoint_mismatch'
  /** No configured witness key signed it. */
  | 'unknown_witness'
  /** A configured witness key's signature that does not verify (forged, or made over another text or in the future). */
  | 'invalid_cosignature'
  /** The checkpoint would carry more signatures than a signed note may. */
  | 'too_many_cosignatures';

export class CosignatureRefusedError extends Error {
  constructor(
    readonly code: CosignatureRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'CosignatureRefusedError';
  }
}
