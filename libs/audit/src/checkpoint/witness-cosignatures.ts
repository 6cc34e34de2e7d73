import { parseCheckpoint } from '../transparency/checkpoint';
import { cosignatureTime, cosignatureVerifier } from '../transparency/cosignature';
import { NoteError } from '../transparency/note-error';
import { openNote, type NoteVerifier } from '../transparency/open-note';
import { formatSignatureLine, parseNote, type NoteSignature } from '../transparency/signed-note';
import type { CheckpointStore } from './checkpoint-store';
import { CosignatureRefusedError, type CosignatureRefusal } from './cosignature-refused-error';
import type { CosignatureStore } from './cosignature-store';
import { cosignatureRoom } from './cosigned-checkpoints';

// Taking a witness's cosignature back: stored only if a configured witness key made it over a checkpoint signed here.

/** How far ahead of this instance's clock a witness's may run: a cosignature dated later is refused. */
export const WITNESS_CLOCK_SKEW_SECONDS = 60;

export interface WitnessCosignaturesOptions {
  /** C2SP verifier keys of signature type 0x04 (cosignature/v1): the witnesses whose cosignatures are kept. */
  readonly witnessKeys: readonly string[];
  readonly now: () => Date;
}

export interface AcceptedCosignatures {
  readonly treeSize: number;
  /** Every cosignature line now stored for that checkpoint, those handed in before included. */
  readonly cosignatures: readonly string[];
}

function refused(code: CosignatureRefusal, message: string): CosignatureRefusedError {
  return new CosignatureRefusedError(code, message);
}

/** The note's text and the size its checkpoint claims; the signatures are checked later, against the stored text. */
function readCosignedCheckpoint(note: string): { text: string; size: number } {
  try {
    const { text } = parseNote(note);
    return { text, size: parseCheckpoint(text).size };
  } catch (error) {
    if (error instanceof NoteError) throw refused('malformed_cosignature', error.message);
    throw error;
  }
}

export class WitnessCosignatures {
  private readonly witnesses: readonly NoteVerifier[];

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly cosignatures: CosignatureStore,
    private readonly options: WitnessCosignaturesOptions,
  ) {
    const clock = { now: options.now, maxSkewSeconds: WITNESS_CLOCK_SKEW_SECONDS };
    this.witnesses = options.witnessKeys.map((vkey) => cosignatureVerifier(vkey, clock));
  }

  /**
   * Stores the cosignatures a cosigned checkpoint note carries (the log's note, or its text alone, followed by the
   * witnesses' signature lines, as C2SP tlog-witness has a log put them together). Throws CosignatureRefusedError
   * unless the text is exactly that of a checkpoint stored here and every configured witness key's line verifies.
   */
  async accept(cosignedNote: string): Promise<AcceptedCosignatures> {
    const { text, size } = readCosignedCheckpoint(cosignedNote);
    const checkpoint = await this.checkpoints.at(size);
    if (checkpoint === undefined) {
      throw refused('unknown_checkpoint', `this instance has signed no checkpoint of size ${size}`);
    }
    if (parseNote(checkpoint.note).text !== text) {
      throw refused(
        'checkpoint_mismatch',
        `the cosigned checkpoint is not the one this instance signed at size ${size}: its origin or root differ`,
      );
    }
    const verified = this.verify(cosignedNote);
    const stored = await this.cosignatures.of([size]);
    const fresh = verified.filter((signature) => !stored.some((kept) => kept.keyId === signature.keyId));
    const room = cosignatureRoom(checkpoint.note);
    if (stored.length + fresh.length > room) {
      throw refused(
        'too_many_cosignatures',
        `the checkpoint of size ${size} already carries ${stored.length} cosignatures; a signed note has room for ${room}`,
      );
    }
    const receivedAt = this.options.now().toISOString();
    for (const signature of fresh) {
      await this.cosignatures.add({
        treeSize: size,
        witness: signature.name,
        keyId: signature.keyId,
        line: formatSignatureLine(signature),
        cosignedAt: cosignatureTime(signature).toISOString(),
        receivedAt,
      });
    }
    return { treeSize: size, cosignatures: (await this.cosignatures.of([size])).map(({ line }) => line) };
  }

  /** The configured witnesses' signatures, all verified; lines of other keys (the log's own among them) are ignored. */
  private verify(note: string): NoteSignature[] {
    if (this.witnesses.length === 0) {
      throw refused('unknown_witness', 'this instance accepts no witness: no witness key is configured');
    }
    try {
      return [...openNote(note, this.witnesses).verified];
    } catch (error) {
      if (!(error instanceof NoteError)) throw error;
      if (error.reason === 'unverified') {
        throw refused('unknown_witness', `no witness key configured here signed it: ${error.message}`);
      }
      if (error.reason === 'invalid_signature') throw refused('invalid_cosignature', error.message);
      throw refused('malformed_cosignature', error.message);
    }
  }
}
