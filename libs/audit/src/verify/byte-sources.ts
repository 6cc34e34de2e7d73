import { createReadStream } from 'node:fs';
import type { ExportFileDigest } from '../export/export-format';
import { RunningDigest } from '../export/file-digest';
import { fileErrorInWords } from '../file-error';
import { fail } from './export-problem';

/** A file's bytes, failing the verification (not throwing an I/O error) when the file cannot be read. */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
  } catch (error) {
    fail({ code: 'unreadable', message: `${path} cannot be read: ${fileErrorInWords(error)}` });
  }
}

/** Passes the chunks through, showing each to `see` on the way: one read serves the digest and the checks. */
export async function* tap(chunks: AsyncIterable<Buffer>, see: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    see(chunk);
    yield chunk;
  }
}

/** SHA-256 and length of a whole byte stream. */
export async function digestOf(chunks: AsyncIterable<Buffer>): Promise<ExportFileDigest> {
  const digest = new RunningDigest();
  for await (const chunk of chunks) digest.see(chunk);
  return digest.result();
}

export function compareDigest(file: string, expected: ExportFileDigest, actual: ExportFileDigest): void {
  if (expected.bytes !== actual.bytes || expected.sha256 !== actual.sha256) {
    fail({
      code: 'digest_mismatch',
      file,
      message: `${file} has ${actual.bytes} bytes with SHA-256 ${actual.sha256}; the manifest says ${expected.bytes} bytes with ${expected.sha256}`,
    });
  }
}
