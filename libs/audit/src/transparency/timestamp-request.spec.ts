import { createHash } from 'node:crypto';
import { id_sha256, TimeStampReq } from 'pkijs';
import { createTimestampRequest } from './timestamp-request';

const bytes = Buffer.from('ledger.example.gouv.fr/portfolio\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');

describe('time-stamp requests', () => {
  it('ask for a token over the SHA-256 of the bytes, with the TSA certificate and a nonce (DER)', () => {
    const request = createTimestampRequest(bytes);
    const decoded = TimeStampReq.fromBER(request.der);
    expect(decoded.version).toBe(1);
    expect(decoded.messageImprint.hashAlgorithm.algorithmId).toBe(id_sha256);
    expect(Buffer.from(decoded.messageImprint.hashedMessage.getValue())).toEqual(
      createHash('sha256').update(bytes).digest(),
    );
    expect(request.imprint).toEqual(createHash('sha256').update(bytes).digest());
    expect(decoded.certReq).toBe(true);
    expect(decoded.nonce?.toBigInt()).toBe(request.nonce);
    expect(decoded.reqPolicy).toBeUndefined();
    expect(Buffer.from(decoded.toSchema().toBER())).toEqual(request.der);
  });

  it('carry a fresh positive nonce each', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => createTimestampRequest(bytes).nonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toBeGreaterThan(0n);
  });

  it('name the policy asked for', () => {
    const request = createTimestampRequest(bytes, { policy: '1.3.6.1.4.1.99999.1.2' });
    expect(TimeStampReq.fromBER(request.der).reqPolicy).toBe('1.3.6.1.4.1.99999.1.2');
  });

  it('need something to time-stamp', () => {
    expect(() => createTimestampRequest(Buffer.alloc(0))).toThrow(RangeError);
  });
});
