import * as asn1js from 'asn1js';
import { PKIStatus, TimeStampResp } from 'pkijs';
import { decodeDer } from './der';
import { TimestampError } from './timestamp-error';
import type { TimestampRequest } from './timestamp-request';
import { verifyTimestampToken, type VerifiedTimestamp } from './timestamp-token';

// Reading a TSA's TimeStampResp to one of our requests: its status, then its token, checked as verifyTimestampToken does.

export interface TimestampReplyExpectation {
  readonly bytes: Uint8Array;
  readonly tsaCertificate: string;
  /** The request this replies to: its nonce must come back. */
  readonly request: TimestampRequest;
}

function statusText(reply: TimeStampResp): string {
  const status = reply.status.status;
  const words = (reply.status.statusStrings ?? []).map((text) => text.valueBlock.value).join(' ');
  const name = PKIStatus[status] ?? `status ${status}`;
  return words === '' ? name : `${name}: ${words}`;
}

/** The verified time-stamp in a reply, or why there is none. */
export async function verifyTimestampReply(
  reply: Uint8Array,
  expected: TimestampReplyExpectation,
): Promise<VerifiedTimestamp> {
  const { parsed, token } = decodeDer(reply, 'the time-stamp reply', (schema) => ({
    parsed: new TimeStampResp({ schema }),
    // The token exactly as the TSA sent it: it is what gets kept, and re-encoding might alter it.
    token: (schema as asn1js.Sequence).valueBlock.value[1]?.valueBeforeDecodeView,
  }));
  const status = parsed.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    throw new TimestampError('rejected', `the TSA did not grant the time-stamp (${statusText(parsed)})`);
  }
  if (token === undefined) throw new TimestampError('malformed', 'the time-stamp reply is granted but holds no token');
  const { bytes, tsaCertificate, request } = expected;
  return verifyTimestampToken(token, { bytes, tsaCertificate, nonce: request.nonce });
}
