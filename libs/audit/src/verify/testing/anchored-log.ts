import { createHash, type KeyObject } from 'node:crypto';
import { EXPORT_FORMAT_V2, type ExportTrailer, type WitnessedCheckpoint } from '../../export/export-trailer';
import { consistencyProof, merkleRoot } from '../../merkle/merkle-tree';
import { generateSigningKey, publicKeyPem } from '../../seal/signing';
import { openCheckpoint, signCheckpoint } from '../../transparency/checkpoint-note';
import { cosignatureSigner } from '../../transparency/cosignature';
import { ed25519NoteSigner } from '../../transparency/ed25519-note-key';
import { SignatureType } from '../../transparency/note-key';
import { signText } from '../../transparency/sign-note';
import { formatNote, parseNote } from '../../transparency/signed-note';
import { formatVerifierKey } from '../../transparency/verifier-key';
import { instanceNoteVerifier } from '../instance-note-key';
import type { AnchoredExport } from '../trust-options';

// A log of event hashes signed by an instance key, its checkpoints, witnesses' cosignatures and export trailers:
// what the trust checks are given, made without a store.

export const ORIGIN = 'ledger.example.gouv.fr/portfolio';
export const COSIGNED_AT = new Date('2026-03-20T12:25:47Z');

/** `count` event hashes; a different `seed` makes another log, as a rewrite or a fork would. */
export function eventHashes(count: number, seed = 'event'): string[] {
  return Array.from({ length: count }, (_, i) => createHash('sha256').update(`${seed} ${i}`).digest('hex'));
}

export interface Witness {
  readonly name: string;
  readonly key: KeyObject;
  readonly vkey: string;
}

export function newWitness(name: string): Witness {
  const key = generateSigningKey();
  return { name, key, vkey: formatVerifierKey(name, SignatureType.cosignatureV1, key) };
}

export const base64Hashes = (hashes: readonly string[]) =>
  hashes.map((hex) => Buffer.from(hex, 'hex').toString('base64'));

export class AnchoredLog {
  readonly publicKeyPem: string;
  readonly log;

  constructor(
    readonly leaves: readonly string[],
    readonly key: KeyObject = generateSigningKey(),
  ) {
    this.publicKeyPem = publicKeyPem(key);
    this.log = instanceNoteVerifier(this.publicKeyPem, ORIGIN);
  }

  /** Another log signed by the same key: what a rewritten or forked history looks like. */
  fork(leaves: readonly string[]): AnchoredLog {
    return new AnchoredLog(leaves, this.key);
  }

  /** The instance's signed checkpoint of its first `size` events. */
  checkpoint(size: number): string {
    const root = merkleRoot(this.leaves.slice(0, size));
    return signCheckpoint({ origin: ORIGIN, size, root }, [ed25519NoteSigner(ORIGIN, this.key)]);
  }

  /** The instance's checkpoint note with these witnesses' cosignature lines added. */
  cosigned(size: number, witnesses: readonly Witness[]): string {
    const note = parseNote(this.checkpoint(size));
    const cosignatures = witnesses.map((w) =>
      signText(
        note.text,
        cosignatureSigner(w.name, w.key, () => COSIGNED_AT),
      ),
    );
    return formatNote({ text: note.text, signatures: [...note.signatures, ...cosignatures] });
  }

  /** The trailer's `witnessed` entry: a cosigned checkpoint of `size` events, proven a prefix of `exportSize`. */
  witnessed(size: number, exportSize: number, witnesses: readonly Witness[]): WitnessedCheckpoint {
    return {
      checkpoint: this.cosigned(size, witnesses),
      proof: base64Hashes(consistencyProof(this.leaves, size, exportSize)),
    };
  }

  /** An export of the log's first `size` events, its checkpoint opened as the verifier opens it. */
  exported(size: number, extra: Partial<ExportTrailer> = {}): AnchoredExport {
    const trailer: ExportTrailer = {
      format: EXPORT_FORMAT_V2,
      checkpoint: this.checkpoint(size),
      statement: '',
      sealProofs: [],
      ...extra,
    };
    const { checkpoint, text } = openCheckpoint(trailer.checkpoint, this.log);
    return { trailer, checkpoint, checkpointText: text, log: this.log, prefixes: [] };
  }
}
