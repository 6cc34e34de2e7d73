import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';

// The instance's Ed25519 seal key (ARCHITECTURE §8): Ed25519 takes no digest or padding choice, so a signature has
// a single meaning, and an auditor can check it with any standard tool given the public key.

const ED25519_SIGNATURE_BYTES = 64;

// Refusing other key types up front keeps an RSA or EC key from silently signing with some default algorithm.
function assertEd25519(key: KeyObject, type: 'private' | 'public'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 ${type} key`);
  }
  return key;
}

export function generateSigningKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function signingKeyToPem(key: KeyObject): string {
  return assertEd25519(key, 'private').export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function signingKeyFromPem(pem: string): KeyObject {
  return assertEd25519(createPrivateKey({ key: pem, format: 'pem' }), 'private');
}

/** SPKI PEM of the key's public half; accepts the private key. */
export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** `sha256:<hex>` over the SPKI DER: the same key always has the same fingerprint, whatever PEM wrapping it came in. */
export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const der = createPublicKey(publicKey).export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

/** Ed25519 signature of `bytes`, base64. */
export function sign(key: KeyObject, bytes: Uint8Array): string {
  return cryptoSign(null, bytes, assertEd25519(key, 'private')).toString('base64');
}

/**
 * Whether `signatureB64` is a valid Ed25519 signature of `bytes`. A malformed signature is an invalid one (false);
 * a public key that is not an Ed25519 SPKI PEM throws, since that is a configuration error, not a forgery.
 */
export function verifySignature(publicKey: string, bytes: Uint8Array, signatureB64: string): boolean {
  const key = assertEd25519(createPublicKey({ key: publicKey, format: 'pem' }), 'public');
  if (typeof signatureB64 !== 'string') return false;
  const signature = Buffer.from(signatureB64, 'base64');
  // Node's base64 decoder skips characters it does not know; re-encoding admits exactly one spelling per signature.
  if (signature.length !== ED25519_SIGNATURE_BYTES || signature.toString('base64') !== signatureB64) return false;
  return cryptoVerify(null, bytes, key, signature);
}
