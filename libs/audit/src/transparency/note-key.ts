import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { isKeyName } from './note-text';
import { NoteError } from './note-error';

// Key identity in signed notes: signature type bytes, key IDs, and the raw 32-byte Ed25519 keys they are computed over.

/** Signature type identifier bytes (C2SP signed-note, "Signature types") this library implements. */
export const SignatureType = {
  /** Plain Ed25519 over the note text: the log's own checkpoint signature. */
  ed25519: 0x01,
  /** Timestamped Ed25519 witness cosignature, C2SP tlog-cosignature `cosignature/v1`. */
  cosignatureV1: 0x04,
} as const;
export type SignatureType = (typeof SignatureType)[keyof typeof SignatureType];

const SIGNATURE_TYPES: ReadonlySet<number> = new Set(Object.values(SignatureType));

export function isSignatureType(byte: number): byte is SignatureType {
  return SIGNATURE_TYPES.has(byte);
}

const ED25519_PUBLIC_KEY_BYTES = 32;

/** SHA-256(name || 0x0A || type || public key)[:4] as a big-endian uint32. */
export function noteKeyId(name: string, type: SignatureType, publicKey: Uint8Array): number {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, type))
    .update(publicKey)
    .digest()
    .readUInt32BE(0);
}

/** A key ID as verifier keys and messages spell it: 8 lowercase hex digits. */
export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

export function assertKeyName(name: string): void {
  if (!isKeyName(name)) {
    throw new NoteError(
      'malformed',
      `key name ${JSON.stringify(name)} is empty or has a space, a "+" or a control character`,
    );
  }
}

/** The 32 bytes RFC 8032 encodes an Ed25519 public key as; accepts the private key, whose public half it takes. */
export function ed25519PublicKeyBytes(key: KeyObject): Buffer {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('expected an Ed25519 key');
  // The JWK form carries the raw key, which spares us from picking it out of the SPKI DER by hand.
  return Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
}

export function ed25519PublicKey(bytes: Uint8Array): KeyObject {
  if (bytes.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new NoteError('malformed', `an Ed25519 public key is ${ED25519_PUBLIC_KEY_BYTES} bytes, not ${bytes.length}`);
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes).toString('base64url') },
    format: 'jwk',
  });
}

export function assertEd25519PrivateKey(key: KeyObject): KeyObject {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('expected an Ed25519 private key');
  }
  return key;
}
