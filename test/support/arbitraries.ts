import fc from 'fast-check';

/**
 * Hostile inputs for the property-based end-to-end tests (test/hostile-input.e2e-spec.ts): values a careless or
 * malicious client could send, and ways to graft them onto an otherwise valid request body.
 */

/** A JSON path: object keys and array indexes from the root of a body. */
export type JsonPath = readonly (string | number)[];

/** A number JSON can carry but `JSON.stringify` cannot write (`-0`, `1e400`), or a token JSON does not have (NaN). */
const RAW_MARKER = '\u0000raw:';

/** A placeholder that `toJsonText` writes verbatim (unquoted) into the JSON text. */
export function rawToken(text: string): string {
  return `${RAW_MARKER}${text}`;
}

/** JSON text of a body whose `rawToken` placeholders are written as they are (so `{"value": NaN}` can be sent). */
export function toJsonText(body: unknown): string {
  const text = JSON.stringify(body) ?? 'null';
  return text.replace(/"\\u0000raw:([^"]*)"/g, (_, token: string) => token);
}

/** Tokens that are not JSON at all: a body carrying one must be refused as malformed JSON. */
export const NON_JSON_NUMBERS = ['NaN', 'Infinity', '-Infinity', '+1', '0x1A', '.5', '1.', '01', 'undefined'] as const;

/** Numbers that are valid JSON but surprising: negative zero, overflow to Infinity, underflow, beyond 2^53. */
export const EDGE_JSON_NUMBERS = [
  '-0',
  '1e400',
  '-1e400',
  '1e-400',
  '123456789012345678901234567890',
  '5e-324',
] as const;

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Ids with SQL, path and encoding metacharacters, and unicode look-alikes. */
export const HOSTILE_IDS = [
  "'; DROP TABLE events;--",
  "' OR '1'='1",
  '"; DELETE FROM events; --',
  '../',
  '../../etc/passwd',
  '..%2f..%2f',
  '%2e%2e',
  '%2e%2e%2f',
  '%00',
  '.',
  '..',
  '*',
  '%',
  '_',
  '\\',
  'franceconnect\u0000',
  'franceconnect ',
  'FRANCECONNECT',
  'frаnceconnect', // Cyrillic a
  'ｆｒａｎｃｅｃｏｎｎｅｃｔ',
  'franceconnect\u200b',
  '😀',
  'a'.repeat(65),
  'x'.repeat(10_000),
  '$where',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'prototype',
] as const;

export const IMPOSSIBLE_DATES = [
  '2021-02-30',
  '2021-02-29',
  '2021-13-01',
  '2021-00-10',
  '2021-04-31',
  '0000-00-00',
  '2021-1-1',
  '21-05-31',
  '2021/05/31',
  '31/05/2021',
  '2021-05-31T00:00:00Z',
  '2021-05-31 ',
  ' 2021-05-31',
  '+275760-09-13',
  '-000001-01-01',
  '9999-12-31',
  '10000-01-01',
  '1970-01-01',
  '0001-01-01',
  '',
] as const;

export const NUMBERS_AS_STRINGS = ['26', '1e3', '0x1A', 'NaN', 'Infinity', '-0', ' 26 ', '26abc', ''] as const;

const LONG_STRINGS = ['x'.repeat(100_000), 'é'.repeat(100_000), '\u0000'.repeat(100_000)] as const;

/** `{"a": {"a": ... 1 ... }}` or `[[[ ... ]]]`, `depth` levels deep. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

const DEEP_VALUES = [deeplyNested(1_000, 'object'), deeplyNested(1_000, 'array')] as const;

/**
 * Characters no text field may hold, one-line or not (issue 15): C0 and C1 controls but TAB and LF, a CR without LF,
 * bidirectional embeddings, overrides and isolates, lone surrogates, noncharacters.
 */
export const FORBIDDEN_IN_TEXT = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\f',
  '\r',
  '\u000e',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufdd0',
  '\ufffe',
  '\uffff',
  '\u{1fffe}',
  '\u{10ffff}',
] as const;

/** Strings with NUL, control, bidi and surrogate characters. */
export const controlString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0007\b\f\n\r\t\u000b',
    '\u001b[2J',
    '\u202eevil',
    '\u2066isolated\u2069',
    '\ud800',
    '\udfff',
    '\ufeff',
    '\ufffe',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
);

/**
 * Text a person could have typed, with one character no text field may hold somewhere inside (letters around it, so
 * that trimming the text cannot drop it).
 */
export const textWithForbiddenCharacter: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[A-Za-zéèàçô][A-Za-zéèàçô ,'’-]{0,30}$/),
    fc.constantFrom(...FORBIDDEN_IN_TEXT),
    fc.stringMatching(/^[A-Za-zéèàçô ,'’-]{0,30}[A-Za-z]$/),
  )
  .map(([before, character, after]) => `${before}${character}${after}`);

/** A value of a wrong type, or of the right type with hostile content. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), [], {}, [null], ''),
  fc.constantFrom(...NON_JSON_NUMBERS, ...EDGE_JSON_NUMBERS).map(rawToken),
  fc.constantFrom(...NUMBERS_AS_STRINGS),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(...HOSTILE_IDS),
  fc.constantFrom(...LONG_STRINGS),
  fc.constantFrom(...DEEP_VALUES),
  controlString,
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path of a JSON value: the root, each key of each object, each element of each array. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (isObject(value))
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own, enumerable property, even one named `__proto__` (which plain assignment would not create). */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: unknown };

/** One change to a valid body: a field replaced by a hostile value, removed, or a key added at any depth. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
        fc.constantFrom('actor', 'position', 'revision', 'planVersion', 'daysLate', 'supersedes', 'metadata'),
        fc.string({ maxLength: 12 }),
      ),
      value: fc.oneof(
        fc.constantFrom({ polluted: true }, { isAdmin: true, role: 'admin' }, null, 1, 'x'),
        fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
        hostileValue,
      ),
    }),
  },
);

/** A deep copy of `body` with the mutation applied (the node is chosen among `pathsOf(body)` by `at`). */
export function applyMutation(body: unknown, change: Mutation): unknown {
  const copy = structuredClone(body);
  const objectPaths = pathsOf(copy).filter((path) => change.kind !== 'add' || isObject(nodeAt(copy, path)));
  const paths = change.kind === 'delete' ? objectPaths.filter((path) => path.length > 0) : objectPaths;
  if (paths.length === 0) return copy;
  const path = paths[change.at % paths.length];
  if (change.kind === 'add') {
    setOwn(nodeAt(copy, path) as Record<string, unknown>, change.key, change.value);
    return copy;
  }
  if (path.length === 0) return change.kind === 'replace' ? change.value : copy;
  const parent = nodeAt(copy, path.slice(0, -1)) as Record<string, unknown> | unknown[];
  const last = path[path.length - 1];
  if (change.kind === 'replace') setOwn(parent, last, change.value);
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last as string];
  return copy;
}

function nodeAt(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A path segment: a hostile id, percent-encoded, or sent raw when it is printable ASCII (`../`, `%2e%2e`). */
export const hostileSegment: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })),
    fc.boolean(),
  )
  .map(([id, raw]) => (raw && /^[\x21-\x7e]+$/.test(id) && !/[?#]/.test(id) ? id : encodeURIComponent(id)));

/** Query-parameter values: bad cursors and positions, bad dates, huge values, hostile ids. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '1.5',
    '1e3',
    '99999999999999999999999999',
    '18446744073709551616',
    '9223372036854775808',
    'NaN',
    'Infinity',
    'null',
    'undefined',
    '[]',
    '{}',
    'true',
    'eyJwb3NpdGlvbiI6LTF9', // base64 of {"position":-1}
    'eyJfX3Byb3RvX18iOnsicG9sbHV0ZWQiOnRydWV9fQ', // base64 of {"__proto__":{"polluted":true}}
    '%%%',
    '%00',
    '9'.repeat(1_000),
    'x'.repeat(1_200), // a URL stays under Node's 16 kB header limit: beyond it see the 431 test
    '2021-05-31T25:61:61Z',
    '2021-05-31T00:00:00+99:00',
    'national:FR',
    'region:',
    ':',
    'ndjson',
    'csv',
    'bundle',
    'zip',
    'NDJSON',
  ),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(...HOSTILE_IDS.filter((id) => id.length <= 100)),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.base64String({ maxLength: 40 }),
);

/** `name=value` pairs as a query string, each repeated (`at=..&at=..`) when asked. */
function queryString(pairs: readonly (readonly [string, string, boolean])[]): string {
  return pairs
    .flatMap(([name, value, repeated]) => {
      const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      return repeated ? [pair, pair] : [pair];
    })
    .join('&');
}

/** A query string of hostile values for the parameters an endpoint takes, some repeated (`at=..&at=..`). */
export function hostileQuery(names: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...names), hostileQueryValue, fc.boolean()), { minLength: 1, maxLength: 4 })
    .map(queryString);
}

/** A name an endpoint taking `declared` does not know: a prototype key, a near miss, anything. */
export function unknownParameterName(declared: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, 'x', 'a[b]', 'AT', 'Limit', 'projetId', 'limit ', 'as_of', 'hasOwnProperty'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    )
    .filter((name) => !declared.includes(name));
}

/**
 * A query string naming at least one parameter the endpoint does not take, among hostile ones it does; with the
 * unknown names it holds.
 */
export function queryWithUnknownNames(
  declared: readonly string[],
): fc.Arbitrary<{ readonly query: string; readonly unknown: readonly string[] }> {
  const known = declared.length === 0 ? [] : [fc.tuple(fc.constantFrom(...declared), hostileQueryValue, fc.boolean())];
  const unknown = fc.tuple(unknownParameterName(declared), hostileQueryValue, fc.boolean());
  return fc
    .tuple(unknown, fc.array(fc.oneof(unknown, ...known), { maxLength: 3 }))
    .chain(([first, others]) => fc.shuffledSubarray([first, ...others], { minLength: others.length + 1 }))
    .map((pairs) => ({
      query: queryString(pairs),
      unknown: [...new Set(pairs.map(([name]) => name).filter((name) => !declared.includes(name)))],
    }));
}
