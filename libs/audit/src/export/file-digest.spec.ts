import { digestingStream } from './file-digest';

describe('a digesting stream', () => {
  it('gives the digest of what flowed once the stream has ended', async () => {
    const { stream, digest } = digestingStream(
      (async function* () {
        yield 'portfolio';
        yield '-ledger';
      })(),
    );
    for await (const _ of stream) void _;
    expect(await digest).toEqual({
      sha256: '673718eb69d81fc14d08241c30e00d2a2148bea2920fcadae4988a5148d9b0dc',
      bytes: 16,
    });
  });

  it('fails its digest with the stream, instead of leaving a bundle waiting for it', async () => {
    const { stream, digest } = digestingStream(
      (async function* () {
        yield 'first rows\n';
        throw new Error('the CSV encoder refused a value');
      })(),
    );
    await expect(
      (async () => {
        for await (const _ of stream) void _;
      })(),
    ).rejects.toThrow('refused a value');
    await expect(digest).rejects.toThrow('refused a value');
  });
});
