// Cuts events.ndjson into batches of whole lines, so that each batch can be read and checked on its own (by a worker).

const NEWLINE = 0x0a;
// An event line and the inclusion proof line after it are best read together: a batch ends before an event line.
const BEFORE_EVENT = Buffer.from('\n{"position":');
// Lines that are no events (a damaged file) are cut at a newline instead, once this many batches are waiting.
const MAX_BATCHES_HELD = 4;

/** Whole lines, each ended by its newline, except that the file's last batch may end in a line that was cut. */
export interface LineBatch {
  readonly bytes: Buffer;
  /** The last line stops before its newline: the file ends there. */
  readonly cut: boolean;
}

/** A line found longer than the limit before its end: holding more of it would exhaust the auditor's memory. */
export interface OverlongTail {
  readonly overlong: true;
}

/**
 * Batches of about `batchBytes` (more when one line is longer), each ending before the first event line that starts
 * past `batchBytes`, so that an event and its proof stay together. Holds a few batches and one chunk at most: a file
 * of millions of events is never held whole. Gives OverlongTail, and stops, when a line grows past `maxLineBytes`
 * without ending.
 */
export async function* lineBatches(
  chunks: AsyncIterable<Buffer>,
  batchBytes: number,
  maxLineBytes: number,
): AsyncGenerator<LineBatch | OverlongTail> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < batchBytes) continue;
    const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    let start = 0;
    for (let end = batchEnd(bytes, start, batchBytes); end !== -1; end = batchEnd(bytes, start, batchBytes)) {
      yield { bytes: bytes.subarray(start, end), cut: false };
      start = end;
    }
    pending = start === bytes.length ? [] : [bytes.subarray(start)];
    pendingBytes = bytes.length - start;
    if (pendingBytes > maxLineBytes && bytes.indexOf(NEWLINE, start) === -1) {
      yield { overlong: true };
      return;
    }
  }
  if (pendingBytes > 0) {
    const bytes = Buffer.concat(pending, pendingBytes);
    yield { bytes, cut: bytes[bytes.length - 1] !== NEWLINE };
  }
}

/** Where the batch that starts at `start` ends, or -1 when its end is not in `bytes` yet. */
function batchEnd(bytes: Buffer, start: number, batchBytes: number): number {
  const from = start + batchBytes;
  if (from > bytes.length) return -1;
  const event = bytes.indexOf(BEFORE_EVENT, from - 1);
  if (event !== -1) return event + 1;
  if (bytes.length - start < MAX_BATCHES_HELD * batchBytes) return -1;
  const newline = bytes.lastIndexOf(NEWLINE);
  return newline < start ? -1 : newline + 1;
}
