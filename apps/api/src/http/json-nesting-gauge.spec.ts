import { JsonNestingGauge } from './json-nesting-gauge';

describe('JsonNestingGauge', () => {
  const fits = (max: number, ...chunks: string[]) => {
    const gauge = new JsonNestingGauge(max);
    return chunks.every((chunk) => gauge.feed(Buffer.from(chunk, 'utf8')));
  };

  it('accepts a text nested exactly as deep as the limit', () => {
    expect(fits(3, '{"a":[{"b":1}],"c":[[1]]}')).toBe(true);
    expect(fits(3, '[[[]]]')).toBe(true);
  });

  it('refuses a text one level deeper than the limit', () => {
    expect(fits(3, '[[[[]]]]')).toBe(false);
    expect(fits(3, '{"a":{"b":{"c":{}}}}')).toBe(false);
  });

  it('stops at the first chunk that goes too deep, whatever follows', () => {
    const gauge = new JsonNestingGauge(32);
    expect(gauge.feed(Buffer.from('['.repeat(32)))).toBe(true);
    expect(gauge.feed(Buffer.from('['))).toBe(false);
  });

  it('counts levels opened in earlier chunks', () => {
    expect(fits(3, '[[', '[', '[]]]]')).toBe(false);
    expect(fits(3, '[[', ']', ',[', '[]]]')).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included, even across chunks', () => {
    expect(fits(1, '{"a":"[[[{{{"}')).toBe(true);
    expect(fits(1, '{"a":"\\"[[[\\\\"}')).toBe(true);
    expect(fits(1, '{"a":"\\', '"[[["}')).toBe(true);
    expect(fits(1, '["\\\\"', ',[]]')).toBe(false);
  });

  it('reads multi-byte characters split between chunks as bytes of no account', () => {
    const text = Buffer.from('["é€𝄞[",["x"]]', 'utf8');
    const gauge = new JsonNestingGauge(2);
    for (let at = 0; at < text.length; at++) expect(gauge.feed(text.subarray(at, at + 1))).toBe(true);
    expect(new JsonNestingGauge(1).feed(text)).toBe(false);
  });
});
