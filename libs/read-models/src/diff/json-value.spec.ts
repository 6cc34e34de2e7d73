import { isJsonArray, isJsonObject, jsonEqual, presentKeys } from './json-value';

describe('json values', () => {
  it('tells objects from arrays and null', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonArray([])).toBe(true);
    expect(isJsonArray({})).toBe(false);
  });

  it('lists own keys holding a value', () => {
    expect(presentKeys({ a: 1, b: null, c: undefined } as never)).toEqual(['a', 'b']);
  });

  it('compares deeply, ignoring key order, with -0 equal to 0', () => {
    expect(jsonEqual({ a: [1, { b: -0 }], c: null }, { c: null, a: [1, { b: 0 }] })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1], [1, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });

  it('does not see inherited members as keys', () => {
    expect(jsonEqual(JSON.parse('{"__proto__": {}}'), {})).toBe(false);
    // Same key count: only an own-property check tells the inherited Object.prototype from an own `__proto__: {}`.
    expect(jsonEqual(JSON.parse('{"__proto__": {}}'), { other: {} })).toBe(false);
  });
});
