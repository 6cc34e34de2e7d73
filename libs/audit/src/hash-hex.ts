// One spelling per hash: lowercase only, so equal hashes are equal strings and a signed statement has a single form.
const HASH_HEX = /^[0-9a-f]{64}$/;

/** A SHA-256 digest as ARCHITECTURE §4 stores it: 64 lowercase hex digits. */
export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && HASH_HEX.test(value);
}
