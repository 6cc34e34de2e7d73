import { obtainTimestamp } from '../transparency/timestamp-client';
import { opensslUnavailableReason, startLocalTsa, type LocalTsa } from '../transparency/testing/local-tsa';
import { AnchoredLog, eventHashes } from './testing/anchored-log';
import { checkTrust, readTrustAnchors } from './trust-options';

// --tsa-certificate against tokens from a real TSA: OpenSSL's, on 127.0.0.1.

const ledger = new AnchoredLog(eventHashes(12));
const unavailable = opensslUnavailableReason();

if (unavailable !== undefined) {
  describe('the export checkpoint’s time-stamp', () => {
    it.skip(`is skipped: ${unavailable}`, () => undefined);
  });
  console.warn(`export time-stamp tests skipped: ${unavailable}`);
} else {
  describe('the export checkpoint’s time-stamp (--tsa-certificate)', () => {
    let tsa: LocalTsa;
    /** The token the instance stores beside its checkpoint of `size` events: over the note text, base64. */
    const tokenOver = async (size: number) => {
      const text = Buffer.from(ledger.exported(size).checkpointText);
      const { token, genTime } = await obtainTimestamp(tsa.url, text, {
        tsaCertificate: tsa.certificates.tsa,
        timeoutMs: 10_000,
      });
      return { token: token.toString('base64'), genTime };
    };

    beforeAll(async () => {
      tsa = await startLocalTsa();
    }, 60_000);
    afterAll(() => tsa?.close());

    it('is proven with the TSA’s certificate, and says when the TSA saw the checkpoint', async () => {
      const { token, genTime } = await tokenOver(12);
      const anchors = readTrustAnchors({ tsaCertificatePem: tsa.certificates.tsa });
      const [finding] = await checkTrust(ledger.exported(12, { timestamp: token }), anchors);
      expect(finding).toEqual({
        check: 'timestamp',
        outcome: 'proven',
        summary: `${genTime.toISOString()} by CN=Local test TSA`,
        genTime,
      });
    });

    it('is refuted when the token time-stamps another checkpoint', async () => {
      const { token } = await tokenOver(11);
      const anchors = readTrustAnchors({ tsaCertificatePem: tsa.certificates.tsa });
      const [finding] = await checkTrust(ledger.exported(12, { timestamp: token }), anchors);
      expect(finding).toMatchObject({
        outcome: 'refuted',
        problem: { code: 'bad_timestamp', message: expect.stringMatching(/other bytes/) },
      });
    });

    it('is refuted when checked with another TSA’s certificate', async () => {
      const { token } = await tokenOver(12);
      const anchors = readTrustAnchors({ tsaCertificatePem: tsa.certificates.otherTsa });
      const [finding] = await checkTrust(ledger.exported(12, { timestamp: token }), anchors);
      expect(finding).toMatchObject({
        outcome: 'refuted',
        problem: {
          code: 'bad_timestamp',
          message: expect.stringMatching(/does not verify with CN=Local test other TSA/),
        },
      });
    });

    it('is left unproven by an export without a token', async () => {
      const anchors = readTrustAnchors({ tsaCertificatePem: tsa.certificates.tsa });
      expect(await checkTrust(ledger.exported(12), anchors)).toMatchObject([{ outcome: 'unproven' }]);
    });

    it('refuses as unusable a certificate no TSA may sign tokens with', () => {
      for (const pem of [tsa.certificates.ca, tsa.certificates.serverAuthUsage, 'not a certificate']) {
        expect(() => readTrustAnchors({ tsaCertificatePem: pem })).toThrow(
          expect.objectContaining({
            name: 'TrustOptionError',
            message: expect.stringMatching(/TSA certificate cannot be used/),
          }),
        );
      }
    });
  });
}
