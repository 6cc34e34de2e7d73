import type { Request } from 'express';
import { JsonNestingGauge } from './json-nesting-gauge';
import { RequestBodyRefusedError } from './request-body-refused.error';

/** What a route accepts as its body, and how it is read. */
export interface BodyFormat {
  /** Media types as Express's `request.is` matches them. */
  readonly mediaTypes: readonly string[];
  /** What a client that sent another media type is told. */
  readonly expected: string;
  readonly limitBytes: number;
  /** Looks at each chunk as it arrives, and throws to refuse the body without reading the rest. */
  readonly watch?: () => (chunk: Buffer) => void;
  readonly decode: (text: string) => unknown;
}

/** Deeper than any command (a redesign's changes are 4 levels): validation would recurse through it all. */
export const MAX_BODY_DEPTH = 32;

/** JSON as RFC 8259 allows it; an empty body is an empty object, as Express's JSON parser made it. */
function parseJson(text: string): unknown {
  if (text === '') return {};
  // Only an object or an array, as Express's strict parser allowed: no command is a bare string or number.
  if (!/^[ \t\n\r]*[{[]/.test(text)) throw malformedJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedJson();
  }
}

const malformedJson = () => new RequestBodyRefusedError('malformed_json', 'the request body is not valid JSON');

/** A batch of 10,000 measurements is about 2 MB of JSON; anything much larger is refused with 413. */
export const JSON_BODY: BodyFormat = {
  mediaTypes: ['application/json', 'application/*+json'],
  expected: 'send the command as application/json',
  limitBytes: 4 * 1024 * 1024,
  watch: () => {
    const gauge = new JsonNestingGauge(MAX_BODY_DEPTH);
    return (chunk) => {
      if (!gauge.feed(chunk)) {
        throw new RequestBodyRefusedError('body_too_deep', `the body nests deeper than ${MAX_BODY_DEPTH} levels`);
      }
    };
  },
  decode: parseJson,
};

/** A witness's cosigned checkpoint (a C2SP signed note) with its 16 signature lines at most is a few kilobytes. */
export const TEXT_BODY: BodyFormat = {
  mediaTypes: ['text/plain'],
  expected: 'send the body as text/plain',
  limitBytes: 64 * 1024,
  decode: (text) => text,
};

/** Like Express's parsers: a request with neither Content-Length nor Transfer-Encoding has no body at all. */
function declaresBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || request.headers['content-length'] !== undefined;
}

function hasContent(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;
}

/**
 * A compressed body is refused rather than inflated: 4 kB of gzip inflate to 4 MB, and no client of this API
 * compresses what it sends (commands are small, batches a couple of megabytes).
 */
function refuseCompression(request: Request): void {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return;
  throw new RequestBodyRefusedError(
    'unsupported_content_encoding',
    'send the body uncompressed: Content-Encoding must be absent or identity',
  );
}

/** JSON is UTF-8 (RFC 8259 §8.1), and the witnesses' notes are too: no other charset is decoded. */
function refuseOtherCharsets(request: Request, format: BodyFormat): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset === undefined || charset.toLowerCase() === 'utf-8') return;
  throw new RequestBodyRefusedError('unsupported_media_type', `${format.expected}, in UTF-8 (got charset ${charset})`);
}

const incomplete = () => new RequestBodyRefusedError('body_incomplete', 'the connection closed before the body ended');

const tooLarge = (format: BodyFormat) =>
  new RequestBodyRefusedError('body_too_large', `the body must not exceed ${format.limitBytes} bytes`);

/**
 * Reads the body as it streams in, and stops at the first chunk past the limit or refused by the format's watch:
 * what was not read yet is discarded as it arrives (Node's request timeout bounds how long that may take), never
 * kept. Rejects with RequestBodyRefusedError.
 */
function readBytes(request: Request, format: BodyFormat): Promise<Buffer> {
  const watch = format.watch?.();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (outcome: () => void) => {
      request.off('data', onData).off('end', onEnd).off('error', onClose).off('close', onClose);
      outcome();
    };
    const refuse = (error: unknown) =>
      settle(() => {
        request.resume();
        reject(error);
      });
    function onData(chunk: Buffer): void {
      received += chunk.length;
      if (received > format.limitBytes) return refuse(tooLarge(format));
      try {
        watch?.(chunk);
      } catch (error) {
        return refuse(error);
      }
      chunks.push(chunk);
    }
    function onEnd(): void {
      settle(() => resolve(Buffer.concat(chunks, received)));
    }
    function onClose(): void {
      settle(() => reject(incomplete()));
    }
    // Gone before anything was read: no event will come.
    if (request.destroyed) return reject(incomplete());
    request.on('data', onData).on('end', onEnd).on('error', onClose).on('close', onClose);
  });
}

/**
 * The body of a request, read and decoded as `format` says, or undefined when it has none. Refuses, before reading
 * a byte, a media type or charset other than the format's, a compressed body and a declared length over the limit.
 */
export async function readRequestBody(request: Request, format: BodyFormat): Promise<unknown> {
  if (!declaresBody(request)) return undefined;
  if (hasContent(request)) refuseCompression(request);
  if (!request.is([...format.mediaTypes])) {
    if (!hasContent(request)) return undefined;
    throw new RequestBodyRefusedError('unsupported_media_type', format.expected);
  }
  refuseOtherCharsets(request, format);
  if (Number(request.headers['content-length']) > format.limitBytes) {
    // Not read at all: Node discards it after the answer.
    throw tooLarge(format);
  }
  const bytes = await readBytes(request, format);
  // A byte order mark is no part of the text (RFC 8259 §8.1 lets a parser ignore it), as Express's parsers read it.
  return format.decode(bytes.toString('utf8').replace(/^\uFEFF/, ''));
}
