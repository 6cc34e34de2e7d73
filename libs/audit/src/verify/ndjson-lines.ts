const NEWLINE = 0x0a;

/** One line of an NDJSON file, as bytes: decoding is the parser's business (invalid UTF-8 is a finding). */
export interface NdjsonLine {
  readonly bytes: Buffer;
  /** 1-based. */
  readonly number: number;
  /** False for a last line that stops before its newline: the file was cut. */
  readonly terminated: boolean;
}

/** A line longer than the limit: holding it would let one damaged file exhaust the auditor's memory. */
export class OverlongLineError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`line ${line} is longer than ${limit} bytes`);
    this.name = 'OverlongLineError';
  }
}

/**
 * Splits a byte stream into lines, holding at most one line and one chunk: a verifier reads exports of millions of
 * events. Only `\n` ends a line; a `\r` stays in the line, where the parser will reject it.
 */
export async function* ndjsonLines(source: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<NdjsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  for await (const chunk of source) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      number += 1;
      if (pendingBytes + end - start > maxLineBytes) throw new OverlongLineError(number, maxLineBytes);
      const piece = chunk.subarray(start, end);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      yield { bytes, number, terminated: true };
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) throw new OverlongLineError(number + 1, maxLineBytes);
    }
  }
  if (pendingBytes > 0) yield { bytes: Buffer.concat(pending), number: number + 1, terminated: false };
}
