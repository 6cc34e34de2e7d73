import { PassThrough, Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { TextSink } from './text-sink';

describe('a text sink', () => {
  it('writes the text as UTF-8 and gives its digest once ended', async () => {
    const received: Buffer[] = [];
    const stream = new Writable({
      highWaterMark: 4,
      write: (chunk: Buffer, _, done) => setImmediate(() => (received.push(chunk), done())),
    });
    const sink = new TextSink(stream);
    await sink.write('portfolio');
    await sink.write('-ledger');
    await sink.end();
    expect(Buffer.concat(received).toString('utf8')).toBe('portfolio-ledger');
    expect(sink.fileDigest()).toEqual({
      sha256: '673718eb69d81fc14d08241c30e00d2a2148bea2920fcadae4988a5148d9b0dc',
      bytes: 16,
    });
    expect(sink.entryDescription()).toEqual({ crc32: crc32('portfolio-ledger'), size: 16 });
  });

  it('fails a write once its reader has gone away, instead of waiting for ever for room', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const sink = new TextSink(stream);
    const waiting = sink.write('more than the stream holds');
    stream.destroy();
    await expect(waiting).rejects.toThrow('closed');
    await expect(sink.write('next chunk')).rejects.toThrow('destroyed');
  });

  it('fails the next write with the error of its stream', async () => {
    const stream = new PassThrough();
    const sink = new TextSink(stream);
    stream.destroy(new Error('no space left on device'));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(sink.write('rows')).rejects.toThrow('no space left');
  });
});
