// AES-256-GCM through node:crypto, for what the service encrypts: personal values in the log, the browser's cookies.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** A ciphertext with the fresh IV it was made with and its authentication tag. */
export interface Encrypted {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** Encrypts `plaintext` under the 32-byte `key` with a fresh IV, binding `associatedData` when given. */
export function encrypt(key: Buffer, plaintext: Buffer, associatedData?: Buffer): Encrypted {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(associatedData);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** The plaintext, or undefined when the key, the associated data or any byte is not the one it was encrypted with. */
export function decrypt(key: Buffer, { iv, ciphertext, tag }: Encrypted, associatedData?: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) decipher.setAAD(associatedData);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return undefined;
  }
}
