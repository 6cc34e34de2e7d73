import { canonicalize } from 'json-canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation: the exact bytes that hashes and signatures cover.
 * Throws on numbers JSON cannot represent (NaN, Infinity) and on cycles; undefined properties are left out, as
 * JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('value has no JSON representation');
  return canonicalize(value);
}
