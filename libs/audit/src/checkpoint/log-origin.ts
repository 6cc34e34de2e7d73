import type { KeyObject } from 'node:crypto';
import { isKeyName } from '../transparency/note-text';
import { publicKeyFingerprint } from '../seal/signing';

// The origin line of the log's checkpoints, which also names the key that signs them.

/**
 * Whether `origin` can name the log and its key: C2SP asks for a schema-less URL (`example.org/log`), and a key name
 * has no space, no `+` and no control character.
 */
export function isLogOrigin(origin: string): boolean {
  return isKeyName(origin) && !origin.includes('://');
}

/** `portfolio-ledger/<first 16 hex digits of the key's SHA-256 fingerprint>`: one instance, one key, one log. */
export function defaultLogOrigin(key: KeyObject): string {
  return `portfolio-ledger/${publicKeyFingerprint(key).slice('sha256:'.length, 'sha256:'.length + 16)}`;
}
