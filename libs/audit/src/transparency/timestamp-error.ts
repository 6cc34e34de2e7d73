// The one error the RFC 3161 client and token checks throw, with a reason to branch on and a message to read.

export type TimestampErrorReason =
  /** No answer from the TSA: connection refused, timed out. */
  | 'unreachable'
  /** An HTTP answer that is not a time-stamp reply. */
  | 'bad_reply'
  /** Bytes that are not the DER structure expected. */
  | 'malformed'
  /** The TSA answered with a status other than granted. */
  | 'rejected'
  /** The token time-stamps other bytes than those given. */
  | 'wrong_imprint'
  /** The token answers another request than ours. */
  | 'wrong_nonce'
  /** The token's signature does not verify with the TSA certificate. */
  | 'bad_signature'
  /** The certificate given is not one a TSA may sign with, or was not valid when the token was made. */
  | 'bad_certificate';

export class TimestampError extends Error {
  constructor(
    readonly reason: TimestampErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'TimestampError';
  }
}
