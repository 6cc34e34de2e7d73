// What the preparation of a batch of lines adds up for the in-order checks (CSV rows, leaf hashes), in one buffer.

/** Where one line's share lies in its batch's BatchBytes. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

// UTF-8 takes at most three bytes per UTF-16 code unit.
const MAX_BYTES_PER_CODE_UNIT = 3;

/**
 * Pieces written one after another into a buffer that owns its memory: a worker hands it over whole (a transfer, not
 * a copy), where a million strings or small buffers would each be cloned into the checking thread (and the CSV rows
 * then encoded there again, to be compared with the file's bytes).
 */
export class BatchBytes {
  private bytes: Buffer;
  private length = 0;

  constructor(expectedBytes: number) {
    this.bytes = Buffer.allocUnsafeSlow(Math.max(expectedBytes, 1));
  }

  /** The text as UTF-8. */
  addText(text: string): ByteRange {
    // Counting a text's bytes costs about as much as writing them: only done when the worst case might not fit, so
    // that a long line (up to 64 MB) takes its own size, not three times it.
    if (this.length + text.length * MAX_BYTES_PER_CODE_UNIT > this.bytes.length) {
      this.reserve(Buffer.byteLength(text, 'utf8'));
    }
    const start = this.length;
    this.length += this.bytes.write(text, start, 'utf8');
    return { start, end: this.length };
  }

  addBytes(bytes: Uint8Array): ByteRange {
    this.reserve(bytes.length);
    const start = this.length;
    this.bytes.set(bytes, start);
    this.length += bytes.length;
    return { start, end: this.length };
  }

  /** What was added, at the start of an ArrayBuffer of its own (allocUnsafeSlow never uses Node's buffer pool). */
  written(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  private reserve(most: number): void {
    if (this.length + most <= this.bytes.length) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(this.length + most, 2 * this.bytes.length));
    this.bytes.copy(larger, 0, 0, this.length);
    this.bytes = larger;
  }
}
