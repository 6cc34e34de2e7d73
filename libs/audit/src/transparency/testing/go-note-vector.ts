import { createPrivateKey, type KeyObject } from 'node:crypto';

// The reference test vector of golang.org/x/mod/sumdb/note (note_test.go): a key, a text and the signed note.

export const GO_VECTOR = {
  name: 'PeterNeumann',
  keyId: 0xc74f20a3,
  vkey: 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
  /** base64(0x01 || 32-byte Ed25519 seed), the last field of `PRIVATE+KEY+PeterNeumann+c74f20a3+...`. */
  privateKey: 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
  text: "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n",
  signatureLine:
    '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=',
} as const;

/** The signed note the vector's key makes of its text. */
export const GO_VECTOR_NOTE = `${GO_VECTOR.text}\n${GO_VECTOR.signatureLine}\n`;

/** The vector's private key as a KeyObject; the JWK form wants the public half too, which the vkey holds. */
export function goVectorKey(): KeyObject {
  const withoutType = (base64: string) => Buffer.from(base64, 'base64').subarray(1).toString('base64url');
  return createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: withoutType(GO_VECTOR.privateKey),
      x: withoutType(GO_VECTOR.vkey.split('+')[2]),
    },
    format: 'jwk',
  });
}
