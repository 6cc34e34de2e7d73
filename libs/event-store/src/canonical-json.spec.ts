import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('writes what json-canonicalize writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units, not code points, and leaves out undefined properties', () => {
    // U+1F600 is the surrogate pair D83D DE00: it sorts before U+FFFD in UTF-16, after it by code point.
    expect(canonicalJson({ b: 1, a: [undefined, 'é'], '\u{1F600}': true, '\uFFFD': 0, c: undefined })).toBe(
      '{"a":[null,"é"],"b":1,"\u{1F600}":true,"\uFFFD":0}',
    );
    expect(canonicalJson({ n: 1e21, m: -0, s: 'a\u2028"' })).toBe('{"m":0,"n":1e+21,"s":"a\u2028\\""}');
  });

  it('sorts objects of many keys as it sorts objects of few (the two sorts it uses)', () => {
    // Integer-like keys come first from Object.keys, in numeric order: "9" before "10", which code units reverse.
    const keys = ['é', '9', 'Z', '10', ''].concat(Array.from({ length: 40 }, (_, i) => `k${(i * 7919) % 40}`));
    for (const count of [4, 16, 17, keys.length]) {
      const value = Object.fromEntries(keys.slice(0, count).map((key, i) => [key, i]));
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it('refuses what JSON cannot represent: non-finite numbers, cycles, undefined', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
    expect(() => canonicalJson(cycle)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('writes a value shared by two branches twice (a repeat is not a cycle)', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"k":1},"b":[{"k":1}]}');
  });
});
