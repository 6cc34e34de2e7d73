import type { JsonObject, JsonValue } from '@portfolio/event-store';

export type { JsonObject, JsonValue };

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Array.isArray` narrowed to the read-only arrays a JsonValue holds. */
export function isJsonArray(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/**
 * The own keys of an object that hold a value. A key holding `undefined` (an optional property left unset by a spread)
 * counts as absent, as it would once serialised; own keys only, so that `constructor` or `__proto__` are plain keys.
 */
export function presentKeys(object: JsonObject): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

/** Deep equality of JSON values, key order ignored; numbers by ===, so -0 equals 0. */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (isJsonArray(a)) return isJsonArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = presentKeys(a);
  return (
    keys.length === presentKeys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
  );
}
