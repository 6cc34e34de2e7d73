import { BatchBytes } from './batch-bytes';

describe('BatchBytes', () => {
  it('gives back each piece at its range, text as UTF-8, growing past the size it expected', () => {
    // Given a buffer expecting 4 bytes
    const pieces = new BatchBytes(4);

    // When texts of one-, two- and three-byte characters and some bytes are added
    const ranges = [pieces.addText('abc,'), pieces.addText('Élodie'), pieces.addBytes(Buffer.from([0, 255]))];
    const euro = pieces.addText('€\n');
    const written = pieces.written();

    // Then each range holds its piece, one after another
    expect(ranges).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 11 },
      { start: 11, end: 13 },
    ]);
    expect(written.subarray(4, 11).toString('utf8')).toBe('Élodie');
    expect([...written.subarray(11, 13)]).toEqual([0, 255]);
    expect(written.subarray(euro.start, euro.end).toString('utf8')).toBe('€\n');
    expect(written.length).toBe(euro.end);
  });

  it('grows by what a long text takes, not by the most its length could take', () => {
    const pieces = new BatchBytes(1024);

    const range = pieces.addText('a'.repeat(1 << 20));

    expect(range).toEqual({ start: 0, end: 1 << 20 });
    expect(pieces.written().buffer.byteLength).toBeLessThan(2 << 20);
  });

  it('writes into an ArrayBuffer of its own, which a worker can hand over without a copy', () => {
    // Given a small piece, which Node would otherwise place in its shared buffer pool
    const pieces = new BatchBytes(1);
    pieces.addText('x');
    const written = pieces.written();

    // When its buffer is transferred
    const moved = structuredClone(written, { transfer: [written.buffer as ArrayBuffer] });

    // Then the piece moved whole, and no slab of Node's pool (other buffers' bytes) went with it
    expect(written.byteOffset).toBe(0);
    expect(Buffer.from(moved).toString()).toBe('x');
    expect(moved.buffer.byteLength).toBeLessThan(Buffer.poolSize);
  });
});
