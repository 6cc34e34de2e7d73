import fc from 'fast-check';
import { ndjsonLines, OverlongLineError, type NdjsonLine } from './ndjson-lines';

async function* chunked(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function lines(source: AsyncIterable<Buffer>, max = 1 << 20): Promise<NdjsonLine[]> {
  const found: NdjsonLine[] = [];
  for await (const line of ndjsonLines(source, max)) found.push(line);
  return found;
}

describe('ndjsonLines', () => {
  it('yields the same lines however the bytes are cut into chunks, multi-byte characters included', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\n', '\r', '{') });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat()), async (content, rawCuts) => {
        const bytes = Buffer.from(content, 'utf8');
        const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
        const got = await lines(chunked(bytes, cuts));
        const pieces = content.split('\n');
        const expected = pieces.slice(0, -1).map((piece, i) => ({ text: piece, number: i + 1, terminated: true }));
        if (pieces.at(-1) !== '')
          expected.push({ text: pieces.at(-1) as string, number: pieces.length, terminated: false });
        expect(
          got.map((l) => ({ text: l.bytes.toString('utf8'), number: l.number, terminated: l.terminated })),
        ).toEqual(expected);
      }),
    );
  });

  it('marks a last line without its newline as unterminated', async () => {
    const got = await lines(chunked(Buffer.from('{"a":1}\n{"a":'), [3, 9]));
    expect(got.map((l) => [l.bytes.toString(), l.terminated])).toEqual([
      ['{"a":1}', true],
      ['{"a":', false],
    ]);
  });

  it('refuses a line longer than the limit instead of holding it', async () => {
    await expect(lines(chunked(Buffer.from('short\nmuch too long\n'), [8]), 8)).rejects.toEqual(
      new OverlongLineError(2, 8),
    );
    await expect(lines(chunked(Buffer.from('short\nmuch too long'), [8, 10]), 8)).rejects.toBeInstanceOf(
      OverlongLineError,
    );
  });
});
