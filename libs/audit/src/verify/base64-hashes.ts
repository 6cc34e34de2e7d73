import { decodeBase64 } from '../transparency/strict-base64';

// Proof hashes travel in base64, as checkpoints carry their root; the Merkle code takes 64 lowercase hex digits.

const HASH_BYTES = 32;

/** The hashes as lowercase hex, or undefined when one is not the canonical base64 of exactly 32 bytes. */
export function hashesFromBase64(hashes: readonly unknown[]): string[] | undefined {
  const hex: string[] = [];
  for (const hash of hashes) {
    const bytes = typeof hash === 'string' ? decodeBase64(hash) : undefined;
    if (bytes === undefined || bytes.length !== HASH_BYTES) return undefined;
    hex.push(bytes.toString('hex'));
  }
  return hex;
}
