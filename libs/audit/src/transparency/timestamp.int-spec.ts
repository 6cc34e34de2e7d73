import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../../../event-store/src/testing/free-port';
import { obtainTimestamp, postTimestampQuery } from './timestamp-client';
import { verifyTimestampReply } from './timestamp-reply';
import { createTimestampRequest } from './timestamp-request';
import { verifyTimestampToken, type VerifiedTimestamp } from './timestamp-token';
import { opensslUnavailableReason, startLocalTsa, type LocalTsa } from './testing/local-tsa';
import { timestampError } from './testing/refusals';

const unavailable = opensslUnavailableReason();

// What gets time-stamped in the product: a checkpoint note's text.
const bytes = Buffer.from('ledger.example.gouv.fr/portfolio\n3\nq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=\n');
const TIMEOUT_MS = 15_000;

if (unavailable !== undefined) {
  describe('RFC 3161 time-stamps from a local OpenSSL TSA', () => {
    it.skip(`is skipped: ${unavailable}`, () => undefined);
  });
  // Said once on the console too, so that a green run never hides that time-stamping went untested.
  console.warn(`RFC 3161 time-stamp tests skipped: ${unavailable}`);
} else {
  describe('RFC 3161 time-stamps from a local OpenSSL TSA', () => {
    let tsa: LocalTsa;
    let stamped: VerifiedTimestamp;

    beforeAll(async () => {
      tsa = await startLocalTsa();
      stamped = await obtainTimestamp(tsa.url, bytes, { tsaCertificate: tsa.certificates.tsa, timeoutMs: TIMEOUT_MS });
    }, 60_000);
    afterAll(() => tsa?.close());

    it('gives a token that verifies offline with the TSA certificate alone, and says when it was made', async () => {
      expect(Math.abs(stamped.genTime.getTime() - Date.now())).toBeLessThan(60_000);
      expect(stamped.policy).toBe('1.3.6.1.4.1.99999.1.1');
      const again = await verifyTimestampToken(stamped.token, { bytes, tsaCertificate: tsa.certificates.tsa });
      expect(again).toEqual(stamped);
    });

    it('refuses the token for other bytes', async () => {
      const other = Buffer.from(bytes.toString().replace('\n3\n', '\n4\n'));
      await expect(
        verifyTimestampToken(stamped.token, { bytes: other, tsaCertificate: tsa.certificates.tsa }),
      ).rejects.toEqual(timestampError('wrong_imprint', /other bytes/));
    });

    it('refuses the token checked against another TSA’s certificate', async () => {
      await expect(
        verifyTimestampToken(stamped.token, { bytes, tsaCertificate: tsa.certificates.otherTsa }),
      ).rejects.toEqual(timestampError('bad_signature', /Local test other TSA: the token names another signer/));
    });

    it.each([
      ['ca', /Local test CA is not a TSA certificate: it has no extended key usage/],
      ['nonCriticalUsage', /Local test TSA is not a TSA certificate: its extended key usage is not critical/],
      ['serverAuthUsage', /its extended key usage is 1\.3\.6\.1\.5\.5\.7\.3\.1, not timeStamping alone/],
    ] as const)('refuses a certificate a TSA may not sign with (%s)', async (which, message) => {
      const tsaCertificate = tsa.certificates[which];
      await expect(verifyTimestampToken(stamped.token, { bytes, tsaCertificate })).rejects.toEqual(
        timestampError('bad_certificate', message),
      );
    });

    it('refuses a token whose signature was altered', async () => {
      const tampered = Buffer.from(stamped.token);
      tampered[tampered.length - 1] ^= 0x01;
      await expect(verifyTimestampToken(tampered, { bytes, tsaCertificate: tsa.certificates.tsa })).rejects.toEqual(
        timestampError('bad_signature', /does not verify with CN=Local test TSA/),
      );
    });

    it('refuses a token whose time was altered', async () => {
      const genTime = stamped.genTime.toISOString().replace(/[-:T]|\.\d+/g, '');
      const at = stamped.token.indexOf(genTime);
      expect(at).toBeGreaterThan(0);
      const tampered = Buffer.from(stamped.token);
      tampered[at + genTime.length - 2] = tampered[at + genTime.length - 2] === 0x30 ? 0x31 : 0x30;
      await expect(verifyTimestampToken(tampered, { bytes, tsaCertificate: tsa.certificates.tsa })).rejects.toEqual(
        timestampError('bad_signature', /digest/i),
      );
    });

    it('refuses a reply to another request', async () => {
      const ours = createTimestampRequest(bytes);
      const theirs = createTimestampRequest(bytes);
      const reply = await postTimestampQuery(tsa.url, theirs.der, { timeoutMs: TIMEOUT_MS });
      await expect(
        verifyTimestampReply(reply, { bytes, tsaCertificate: tsa.certificates.tsa, request: ours }),
      ).rejects.toEqual(timestampError('wrong_nonce', new RegExp(`not the request's ${ours.nonce}`)));
      await expect(
        verifyTimestampReply(reply, { bytes, tsaCertificate: tsa.certificates.tsa, request: theirs }),
      ).resolves.toMatchObject({ policy: '1.3.6.1.4.1.99999.1.1' });
    });

    it('reports a rejection with the TSA’s own words', async () => {
      const options = { tsaCertificate: tsa.certificates.tsa, timeoutMs: TIMEOUT_MS, policy: tsa.unsupportedPolicy };
      await expect(obtainTimestamp(tsa.url, bytes, options)).rejects.toEqual(
        timestampError('rejected', /did not grant the time-stamp \(rejection: Requested policy is not supported\.?\)/),
      );
    });

    it('reports an HTTP answer that is not a time-stamp reply', async () => {
      await expect(
        postTimestampQuery(`${tsa.url}nowhere`, createTimestampRequest(bytes).der, { timeoutMs: TIMEOUT_MS }),
      ).rejects.toEqual(timestampError('bad_reply', /answered HTTP 404/));
    });
  });
}

describe('the time-stamp client facing no TSA', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      // /hang accepts the query and never answers, like a TSA that hangs; anything else is a web page.
      if (request.url !== '/hang') response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Welcome</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const query = createTimestampRequest(bytes).der;

  it('gives up after its timeout', async () => {
    await expect(postTimestampQuery(`${base}/hang`, query, { timeoutMs: 200 })).rejects.toEqual(
      timestampError('unreachable', /did not answer: no reply within 200 ms/),
    );
  });

  it('reports a server that refuses the connection', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    await expect(postTimestampQuery(url, query, { timeoutMs: TIMEOUT_MS })).rejects.toEqual(
      timestampError('unreachable', /did not answer: ECONNREFUSED/),
    );
  });

  it('reports an answer of another content type', async () => {
    await expect(postTimestampQuery(`${base}/`, query, { timeoutMs: TIMEOUT_MS })).rejects.toEqual(
      timestampError('bad_reply', /answered text\/html, not application\/timestamp-reply/),
    );
  });
});
