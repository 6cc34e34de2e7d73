import { createHash } from 'node:crypto';
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
