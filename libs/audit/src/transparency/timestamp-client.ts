import { createTimestampRequest } from './timestamp-request';
import { TimestampError } from './timestamp-error';
import { verifyTimestampReply } from './timestamp-reply';
import type { VerifiedTimestamp } from './timestamp-token';

// The RFC 3161 §3.4 HTTP transport: POST a DER query, read a DER reply.

const QUERY_TYPE = 'application/timestamp-query';
const REPLY_TYPE = 'application/timestamp-reply';

export interface TimestampClientOptions {
  /** How long to wait for the whole reply before giving up. */
  readonly timeoutMs: number;
}

export interface ObtainTimestampOptions extends TimestampClientOptions {
  readonly tsaCertificate: string;
  readonly policy?: string;
}

// Structural checks, not instanceof: fetch's errors may come from another realm (Jest's sandbox, a worker).
function whyNoAnswer(error: unknown, timeoutMs: number): string {
  const field = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
  if (field(error, 'name') === 'TimeoutError') return `no reply within ${timeoutMs} ms`;
  // fetch says only "fetch failed"; the cause says what failed (ECONNREFUSED, a DNS error...).
  const cause = field(error, 'cause');
  return String(field(cause, 'code') ?? field(cause, 'message') ?? field(error, 'message') ?? error);
}

/** POSTs a DER TimeStampReq to the TSA at `url` and returns its DER TimeStampResp, unchecked. */
export async function postTimestampQuery(
  url: string,
  query: Uint8Array,
  options: TimestampClientOptions,
): Promise<Buffer> {
  let response: Response;
  let body: ArrayBuffer;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': QUERY_TYPE, accept: REPLY_TYPE },
      body: query,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    body = await response.arrayBuffer();
  } catch (error) {
    throw new TimestampError(
      'unreachable',
      `the TSA at ${url} did not answer: ${whyNoAnswer(error, options.timeoutMs)}`,
    );
  }
  if (response.status !== 200) {
    throw new TimestampError('bad_reply', `the TSA at ${url} answered HTTP ${response.status}`);
  }
  const type = response.headers.get('content-type') ?? 'no content type';
  if (type.split(';')[0].trim().toLowerCase() !== REPLY_TYPE) {
    throw new TimestampError('bad_reply', `the TSA at ${url} answered ${type}, not ${REPLY_TYPE}`);
  }
  return Buffer.from(body);
}

/** Asks the TSA at `url` to time-stamp `bytes`, and checks its reply offline against its certificate. */
export async function obtainTimestamp(
  url: string,
  bytes: Uint8Array,
  options: ObtainTimestampOptions,
): Promise<VerifiedTimestamp> {
  const request = createTimestampRequest(bytes, { policy: options.policy });
  const reply = await postTimestampQuery(url, request.der, options);
  return verifyTimestampReply(reply, { bytes, tsaCertificate: options.tsaCertificate, request });
}
