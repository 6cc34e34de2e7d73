/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation: the exact bytes that hashes and signatures cover.
 * Throws on numbers JSON cannot represent (NaN, Infinity) and on cycles; undefined properties are left out and
 * undefined array items become null, as JSON.stringify does.
 *
 * RFC 8785 defines strings and numbers as ECMAScript's JSON.stringify writes them and orders object keys by UTF-16
 * code units, which is what Array.prototype.sort does: so the scheme is JSON.stringify with sorted keys. It is written
 * here rather than taken from json-canonicalize (kept as the oracle of canonical-json.spec.ts) because every append
 * and every verification runs it on every event: the library builds a path string for each property it visits and
 * was about half of an append's cost.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('value has no JSON representation');
  return serialise(value, []);
}

function serialise(value: unknown, ancestors: object[]): string {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`non-finite number (${value}) is not permitted in JSON (RFC 8785 §3.2.2.3)`);
    }
    return JSON.stringify(value);
  }
  if (ancestors.includes(value)) throw new TypeError('circular reference detected');
  ancestors.push(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ',';
      text += value[i] === undefined ? 'null' : serialise(value[i], ancestors);
    }
    text += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = sortedKeys(record);
    text = '{';
    let separator = '';
    for (let i = 0; i < keys.length; i += 1) {
      const item = record[keys[i]];
      if (item === undefined) continue;
      text += separator + quotedKey(keys[i]) + serialise(item, ancestors);
      separator = ',';
    }
    text += '}';
  }
  ancestors.pop();
  return text;
}

// Events of one kind repeat the same few keys: each is quoted once, not once per event (a bound keeps arbitrary
// payload keys from growing it without limit).
const QUOTED_KEYS_LIMIT = 10_000;
const quotedKeys = new Map<string, string>();

/** `"key":` as JSON writes it. */
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < QUOTED_KEYS_LIMIT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

const INSERTION_SORT_LIMIT = 16;

/**
 * The object's keys in UTF-16 code unit order. Array.prototype.sort allocates work space on every call (a kilobyte for
 * an event's five keys, most of what canonicalising it allocated); an insertion sort in place allocates nothing, and
 * is as quick for the few keys of an event's objects. `<` on strings compares code units, as sort's default does.
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length > INSERTION_SORT_LIMIT) return keys.sort();
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j -= 1) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
}
