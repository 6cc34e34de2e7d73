import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import type { ExportFileDigest } from './export-format';
import { RunningDigest } from './file-digest';

/**
 * One file of the bundle written as text into a byte stream (the zip's entry, or the spool file), digested on the
 * way, each write waiting while the stream is full: memory stays bounded whatever the size of the file, and a stream
 * that failed or was destroyed (its reader gone) fails the next write, which stops the pass over the log.
 */
export class TextSink {
  private readonly digest = new RunningDigest();
  /** CRC-32 and count of the bytes written, as a zip entry records them. */
  private crc = 0;
  private size = 0;
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    // Kept for the next write, instead of an 'error' event nobody listens to.
    stream.on('error', (error: Error) => (this.failure ??= error));
  }

  async write(text: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const bytes = Buffer.from(text, 'utf8');
    this.digest.see(bytes);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.stream.write(bytes)) await drained(this.stream);
  }

  /** Ends the stream; resolves once it has taken every byte written. */
  async end(): Promise<void> {
    this.stream.end();
    await finished(this.stream, { readable: false });
  }

  /** What a zip entry records of the bytes written so far. */
  entryDescription(): { readonly crc32: number; readonly size: number } {
    return { crc32: this.crc, size: this.size };
  }

  /** Once it has ended: what the manifest says of the file (the digest can be taken only once). */
  fileDigest(): ExportFileDigest {
    return this.digest.result();
  }
}

/** Resolves once `stream` takes more writes; refuses when it closes, errs or was destroyed before that. */
export function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('the stream was destroyed before it took everything written'));
  return new Promise((resolve, reject) => {
    const settle = (error?: Error): void => {
      stream.off('drain', onDrain).off('close', onClose).off('error', settle);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = (): void => settle();
    const onClose = (): void => settle(new Error('the stream closed before it took everything written'));
    stream.once('drain', onDrain).once('close', onClose).once('error', settle);
  });
}
