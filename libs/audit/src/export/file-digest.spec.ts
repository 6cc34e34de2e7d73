import { RunningDigest, textFile } from './file-digest';

describe('a running digest', () => {
  it('gives the digest and length of what it saw, chunk by chunk as for the whole', () => {
    const digest = new RunningDigest();
    digest.see(Buffer.from('portfolio'));
    digest.see(Buffer.from('-ledger'));
    const expected = { sha256: '673718eb69d81fc14d08241c30e00d2a2148bea2920fcadae4988a5148d9b0dc', bytes: 16 };
    expect(digest.result()).toEqual(expected);
    expect(textFile('portfolio-ledger').digest).toEqual(expected);
  });
});
