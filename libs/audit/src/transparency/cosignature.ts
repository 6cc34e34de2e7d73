import { sign, verify, type KeyObject } from 'node:crypto';
import { parseCheckpoint } from './checkpoint';
import { NoteError } from './note-error';
import { assertEd25519PrivateKey, assertKeyName, ed25519PublicKeyBytes, noteKeyId, SignatureType } from './note-key';
import type { NoteVerifier, SignatureVerdict } from './open-note';
import type { NoteSigner } from './sign-note';
import type { NoteSignature } from './signed-note';
import { parseVerifierKeyOfType } from './verifier-key';

// Witness cosignatures, C2SP tlog-cosignature `cosignature/v1` (signature type 0x04): an Ed25519 signature over
// `cosignature/v1\ntime <seconds>\n<checkpoint text>`, sent as the 8-byte big-endian seconds then the 64-byte signature.

const TIMESTAMP_BYTES = 8;
const ED25519_SIGNATURE_BYTES = 64;
const COSIGNATURE_BYTES = TIMESTAMP_BYTES + ED25519_SIGNATURE_BYTES;
const MAX_TIMESTAMP = 2n ** 63n - 1n;

export interface CosignatureClock {
  readonly now: () => Date;
  /** How far past `now` a witness's clock may run before its timestamps are refused as absurd. */
  readonly maxSkewSeconds: number;
}

function signedMessage(checkpointText: Buffer, seconds: bigint): Buffer {
  return Buffer.concat([Buffer.from(`cosignature/v1\ntime ${seconds}\n`, 'utf8'), checkpointText]);
}

function epochSeconds(date: Date): bigint {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`no POSIX timestamp for ${String(date)}`);
  return BigInt(Math.floor(ms / 1000));
}

function whyNotCheckpoint(text: Buffer): string | undefined {
  try {
    parseCheckpoint(text.toString('utf8'));
    return undefined;
  } catch (error) {
    if (error instanceof NoteError) return error.message;
    throw error;
  }
}

/** A witness's cosigner: signs checkpoint texts only, stamped with the time `now` gives when it signs. */
export function cosignatureSigner(name: string, privateKey: KeyObject, now: () => Date): NoteSigner {
  assertKeyName(name);
  assertEd25519PrivateKey(privateKey);
  return {
    name,
    keyId: noteKeyId(name, SignatureType.cosignatureV1, ed25519PublicKeyBytes(privateKey)),
    sign: (text) => {
      // A witness vouches for checkpoints only; any other text it signed could be passed off as one.
      parseCheckpoint(text.toString('utf8'));
      const seconds = epochSeconds(now());
      const timestamp = Buffer.alloc(TIMESTAMP_BYTES);
      timestamp.writeBigUInt64BE(seconds);
      return Buffer.concat([timestamp, sign(null, signedMessage(text, seconds), privateKey)]);
    },
  };
}

/** A verifier for the witness named by `vkey` (of signature type 0x04), refusing timestamps after now + skew. */
export function cosignatureVerifier(vkey: string, clock: CosignatureClock): NoteVerifier {
  const { name, keyId, publicKey } = parseVerifierKeyOfType(vkey, SignatureType.cosignatureV1);
  if (!Number.isSafeInteger(clock.maxSkewSeconds) || clock.maxSkewSeconds < 0) {
    throw new RangeError(`maxSkewSeconds must be a whole number of seconds, not ${clock.maxSkewSeconds}`);
  }
  const refuse = (reason: string): SignatureVerdict => ({ valid: false, reason });
  return {
    name,
    keyId,
    verify: (text, signature) => {
      if (signature.length !== COSIGNATURE_BYTES) {
        return refuse(`a cosignature is ${COSIGNATURE_BYTES} bytes, not ${signature.length}`);
      }
      const seconds = signature.readBigUInt64BE(0);
      if (seconds > MAX_TIMESTAMP) return refuse(`timestamp ${seconds} exceeds 2^63 - 1`);
      const latest = epochSeconds(clock.now()) + BigInt(clock.maxSkewSeconds);
      if (seconds > latest) return refuse(`its timestamp ${seconds} is in the future (later than ${latest})`);
      const notCheckpoint = whyNotCheckpoint(text);
      if (notCheckpoint !== undefined) return refuse(`the cosigned text is ${notCheckpoint}`);
      return verify(null, signedMessage(text, seconds), publicKey, signature.subarray(TIMESTAMP_BYTES))
        ? { valid: true }
        : refuse('the Ed25519 signature does not match the checkpoint, timestamp and key');
    },
  };
}

/** When a cosignature says it was made; read it from a verified cosignature only. */
export function cosignatureTime(cosignature: NoteSignature): Date {
  if (cosignature.signature.length !== COSIGNATURE_BYTES) {
    throw new NoteError('malformed', `the signature of ${cosignature.name} is not a cosignature`);
  }
  const date = new Date(Number(cosignature.signature.readBigUInt64BE(0)) * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new NoteError('malformed', `the cosignature of ${cosignature.name} has no date`);
  }
  return date;
}
