import { checkTimestamp } from './trailer-timestamp';

// What is refused before any certificate is consulted; tokens from a real TSA are in trailer-timestamp.int-spec.ts.

const tsa = { pem: 'unused', subject: 'CN=Some TSA' };
const text = 'ledger.example.gouv.fr/portfolio\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';

describe('checkTimestamp', () => {
  it('leaves the export unverified when its trailer carries no token', async () => {
    expect(await checkTimestamp(undefined, text, tsa)).toEqual({
      check: 'timestamp',
      outcome: 'unproven',
      reason: 'the export carries no time-stamp token to check with CN=Some TSA',
    });
  });

  it('refutes a token that is not base64, or not a token', async () => {
    for (const token of ['not base64!', 42, Buffer.from('not DER').toString('base64')]) {
      expect(await checkTimestamp(token, text, tsa)).toMatchObject({
        outcome: 'refuted',
        problem: { code: 'bad_timestamp' },
      });
    }
  });
});
