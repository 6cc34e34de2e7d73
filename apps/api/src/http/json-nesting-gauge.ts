const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Follows the nesting of a JSON text as its bytes arrive, without parsing it: brackets and braces outside strings.
 * A nesting a million levels deep takes JSON.parse and validation seconds of a blocked event loop; this sees it at
 * the first byte past the limit, at the cost of one comparison a byte. Bytes, not characters: UTF-8 encodes every
 * character beyond ASCII in bytes of 0x80 and above, so a multi-byte character split between chunks changes nothing.
 */
export class JsonNestingGauge {
  private depth = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly maxDepth: number) {}

  /** Reads the next bytes of the text; false once the nesting has gone deeper than the limit. */
  feed(chunk: Uint8Array): boolean {
    for (let at = 0; at < chunk.length; at++) {
      const byte = chunk[at];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
        if (++this.depth > this.maxDepth) return false;
      } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
        this.depth -= 1;
      }
    }
    return true;
  }
}
