// The one description of a review-cycle seal (ARCHITECTURE §8): what is signed, the signature, where the log keeps it.

/** What a review-cycle seal vouches for (ARCHITECTURE §5 ReviewCycleHeld, §8). */
export interface SealFields {
  readonly cycleId: string;
  /** Business date of the review, YYYY-MM-DD. */
  readonly heldOn: string;
  /** Global position of the last sealed event, in decimal: positions can outgrow a JavaScript number. */
  readonly sealedPosition: string;
  /** Number of sealed events: the size of the Merkle tree. */
  readonly eventCount: number;
  /** Merkle root over the hashes of the sealed events, in position order. */
  readonly merkleRoot: string;
}

/** A seal as the sealer makes it: the fields and their signature. */
export interface Seal extends SealFields {
  /** Ed25519 signature of sealStatement(fields), base64. */
  readonly signature: string;
}

/** A seal as the log records it, with where: what the verifiers check and the export's manifest lists. */
export interface RecordedSeal extends Seal {
  /** Position of the ReviewCycleHeld event that recorded the seal, in decimal. */
  readonly position: string;
}

/** The event that records a seal in the log (ARCHITECTURE §5). */
export const SEAL_EVENT_TYPE = 'ReviewCycleHeld';
