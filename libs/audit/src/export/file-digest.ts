import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ExportFileDigest } from './export-format';

/** SHA-256 and length of a byte stream, computed as it flows: the exporter writes them, the verifier compares. */
export class RunningDigest {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  readonly see = (chunk: Buffer): void => {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  };

  result(): ExportFileDigest {
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

/** A small file of the bundle, held whole: its bytes and their digest. */
export function textFile(text: string): { readonly buffer: Buffer; readonly digest: ExportFileDigest } {
  const buffer = Buffer.from(text, 'utf8');
  const digest = new RunningDigest();
  digest.see(buffer);
  return { buffer, digest: digest.result() };
}

/**
 * Streams text chunks as UTF-8 bytes, digesting them on the way: the digest is known once the stream has ended, and
 * fails with the stream (a bundle waiting for it would otherwise wait for ever).
 */
export function digestingStream(chunks: AsyncIterable<string>): {
  readonly stream: Readable;
  readonly digest: Promise<ExportFileDigest>;
} {
  const digest = new RunningDigest();
  let settle: { resolve(value: ExportFileDigest): void; reject(error: unknown): void } | undefined;
  const settled = new Promise<ExportFileDigest>((resolve, reject) => (settle = { resolve, reject }));
  // Whoever awaits it sees the failure; nobody awaiting it is no crash of the process.
  settled.catch(() => undefined);
  async function* bytes(): AsyncIterable<Buffer> {
    try {
      for await (const chunk of chunks) {
        const buffer = Buffer.from(chunk, 'utf8');
        digest.see(buffer);
        yield buffer;
      }
      settle?.resolve(digest.result());
    } catch (error) {
      settle?.reject(error);
      throw error;
    }
  }
  return { stream: Readable.from(bytes()), digest: settled };
}
