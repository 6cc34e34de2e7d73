import type { KeyObject } from 'node:crypto';
import { NoteError } from './note-error';
import {
  assertKeyName,
  ed25519PublicKey,
  ed25519PublicKeyBytes,
  isSignatureType,
  keyIdHex,
  noteKeyId,
  type SignatureType,
} from './note-key';
import { decodeBase64 } from './strict-base64';

// Verifier keys ("vkeys"), the one-line text form of a note key: `<name>+<8 hex key ID>+<base64(type || public key)>`.

export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  readonly publicKey: KeyObject;
}

const KEY_ID_HEX = /^[0-9a-f]{8}$/;

/** The vkey of an Ed25519 key (private or public) under `name`, for the given signature type. */
export function formatVerifierKey(name: string, type: SignatureType, key: KeyObject): string {
  assertKeyName(name);
  const publicKey = ed25519PublicKeyBytes(key);
  const material = Buffer.concat([Uint8Array.of(type), publicKey]).toString('base64');
  return `${name}+${keyIdHex(noteKeyId(name, type, publicKey))}+${material}`;
}

/**
 * Parses a vkey of a type this library implements, refusing one whose key ID is not the one its name, type and key
 * give: a mistyped or doctored key must not pass for the key whose signatures it would then be trusted with.
 */
export function parseVerifierKey(vkey: string): VerifierKey {
  const [name, idHex, material] = splitOnFirstTwo(vkey, '+');
  assertKeyName(name);
  if (idHex === undefined || material === undefined || !KEY_ID_HEX.test(idHex)) {
    throw new NoteError('malformed', `verifier key ${JSON.stringify(vkey)} is not <name>+<8 hex digits>+<base64>`);
  }
  const bytes = decodeBase64(material);
  if (bytes === undefined || bytes.length === 0) {
    throw new NoteError('malformed', `the key material of verifier key ${name} is not base64`);
  }
  const type = bytes[0];
  if (!isSignatureType(type)) {
    throw new NoteError(
      'malformed',
      `verifier key ${name} has signature type ${typeByte(type)}, which is not supported`,
    );
  }
  const rawKey = bytes.subarray(1);
  const publicKey = ed25519PublicKey(rawKey);
  const keyId = noteKeyId(name, type, rawKey);
  if (keyIdHex(keyId) !== idHex) {
    throw new NoteError(
      'malformed',
      `verifier key ${name} gives key ID ${idHex}, but its key has ID ${keyIdHex(keyId)}`,
    );
  }
  return { name, keyId, type, publicKey };
}

/** Splits at the first two separators only: base64 may itself contain `+`. */
function splitOnFirstTwo(text: string, separator: string): [string, string | undefined, string | undefined] {
  const first = text.indexOf(separator);
  if (first < 0) return [text, undefined, undefined];
  const second = text.indexOf(separator, first + 1);
  if (second < 0) return [text.slice(0, first), text.slice(first + 1), undefined];
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

/** Parses `vkey`, refusing a key of another signature type than `type`. */
export function parseVerifierKeyOfType(vkey: string, type: SignatureType): VerifierKey {
  const key = parseVerifierKey(vkey);
  if (key.type !== type) {
    throw new NoteError(
      'malformed',
      `verifier key ${key.name} has signature type ${typeByte(key.type)}, not ${typeByte(type)}`,
    );
  }
  return key;
}

function typeByte(type: number): string {
  return `0x${type.toString(16).padStart(2, '0')}`;
}
