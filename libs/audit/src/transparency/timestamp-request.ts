import * as asn1js from 'asn1js';
import { createHash, randomBytes } from 'node:crypto';
import { AlgorithmIdentifier, id_sha256, MessageImprint, TimeStampReq } from 'pkijs';

// RFC 3161 time-stamp requests over the SHA-256 of some bytes (for us, a checkpoint note's text).

export interface TimestampRequest {
  /** The TimeStampReq, DER-encoded: the body of the HTTP query. */
  readonly der: Buffer;
  /** SHA-256 of the bytes time-stamped. */
  readonly imprint: Buffer;
  /** Random, so that a reply can be tied to this request and no other. */
  readonly nonce: bigint;
}

export interface TimestampRequestOptions {
  /** The TSA policy OID to ask for; absent: the TSA's default policy. */
  readonly policy?: string;
}

// 63 random bits: a positive INTEGER in eight bytes, as most TSAs expect a nonce to fit.
function randomNonce(): bigint {
  return randomBytes(8).readBigUInt64BE() >> 1n;
}

/** A request with certReq set, so that the TSA includes its certificate for whoever reads the token later. */
export function createTimestampRequest(bytes: Uint8Array, options: TimestampRequestOptions = {}): TimestampRequest {
  // pkijs takes empty detached content for missing content, so a token over nothing could never be checked.
  if (bytes.length === 0) throw new RangeError('nothing to time-stamp: the bytes are empty');
  const imprint = createHash('sha256').update(bytes).digest();
  const nonce = randomNonce();
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: id_sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    ...(options.policy === undefined ? {} : { reqPolicy: options.policy }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: true,
  });
  return { der: Buffer.from(request.toSchema().toBER()), imprint, nonce };
}
