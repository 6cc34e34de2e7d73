import { sign, verify, type KeyObject } from 'node:crypto';
import { assertEd25519PrivateKey, assertKeyName, ed25519PublicKeyBytes, noteKeyId, SignatureType } from './note-key';
import type { NoteVerifier } from './open-note';
import type { NoteSigner } from './sign-note';
import { parseVerifierKeyOfType } from './verifier-key';

// Plain Ed25519 note signatures (signature type 0x01): how the log signs its own checkpoints.

const ED25519_SIGNATURE_BYTES = 64;

/** The log key's signer: `name` goes on its signature lines, and should be the origin of the checkpoints it signs. */
export function ed25519NoteSigner(name: string, privateKey: KeyObject): NoteSigner {
  assertKeyName(name);
  assertEd25519PrivateKey(privateKey);
  return {
    name,
    keyId: noteKeyId(name, SignatureType.ed25519, ed25519PublicKeyBytes(privateKey)),
    sign: (text) => sign(null, text, privateKey),
  };
}

/** A verifier for the Ed25519 key named by `vkey` (of signature type 0x01). */
export function ed25519NoteVerifier(vkey: string): NoteVerifier {
  const { name, keyId, publicKey } = parseVerifierKeyOfType(vkey, SignatureType.ed25519);
  return {
    name,
    keyId,
    verify: (text, signature) => {
      if (signature.length !== ED25519_SIGNATURE_BYTES) {
        return {
          valid: false,
          reason: `an Ed25519 signature is ${ED25519_SIGNATURE_BYTES} bytes, not ${signature.length}`,
        };
      }
      return verify(null, text, publicKey, signature)
        ? { valid: true }
        : { valid: false, reason: 'the Ed25519 signature does not match the text and key' };
    },
  };
}
