import { lineBatches, type LineBatch, type OverlongTail } from './line-batches';

// How events.ndjson is cut for the workers: whole lines, an event's proof line kept with it, memory bounded.

const event = (position: number) => `{"position":"${position}","streamId":"s"}\n`;
const proof = '{"inclusionProof":{"leafIndex":0,"proof":[]}}\n';

async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function batches(text: string, chunkSize: number, batchBytes: number, maxLineBytes = 1 << 20) {
  const found: (LineBatch | OverlongTail)[] = [];
  for await (const batch of lineBatches(chunksOf(text, chunkSize), batchBytes, maxLineBytes)) found.push(batch);
  return found.map((batch) => ('overlong' in batch ? batch : { text: batch.bytes.toString(), cut: batch.cut }));
}

describe('lineBatches', () => {
  it('cuts before the first event line past the batch size, whatever the chunks, keeping each proof with its event', async () => {
    const text = [1, 2, 3, 4, 5, 6].map((p) => event(p) + proof).join('');
    const pair = event(1).length + proof.length;
    for (const chunkSize of [7, 100, text.length]) {
      const found = await batches(text, chunkSize, pair + 1);
      expect(found.map((b) => ('text' in b ? b.text : '')).join('')).toBe(text);
      expect(found).toEqual([
        { text: event(1) + proof + event(2) + proof, cut: false },
        { text: event(3) + proof + event(4) + proof, cut: false },
        { text: event(5) + proof + event(6) + proof, cut: false },
      ]);
    }
  });

  it('ends with a line cut short, marked as such', async () => {
    expect(await batches(event(1) + '{"position":"2","str', 5, 1000)).toEqual([
      { text: event(1) + '{"position":"2","str', cut: true },
    ]);
  });

  it('cuts lines that are no events at a newline once a few batches are waiting', async () => {
    const text = 'x'.repeat(9) + '\n';
    const found = await batches(text.repeat(40), 30, 20);
    expect(found.length).toBeGreaterThan(3);
    // Four batches' worth and a chunk at most, ending at a newline.
    expect(found.every((b) => 'text' in b && b.text.length <= 4 * 20 + 30 && b.text.endsWith('\n'))).toBe(true);
  });

  it('stops at a line longer than the limit before holding all of it', async () => {
    const found = await batches(event(1) + 'y'.repeat(5000), 100, 50, 1000);
    expect(found).toEqual([{ text: event(1), cut: false }, { overlong: true }]);
  });
});
