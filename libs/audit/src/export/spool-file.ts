import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, TransformOptions, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, type ZlibOptions } from 'node:zlib';

/** Bytes waiting for zlib before a writer waits: a few chunks, so that the next is made while the last are deflated. */
const SPOOL_QUEUE_BYTES = 1024 * 1024;

/**
 * Where one file of the bundle waits while another is streamed into the zip (an entry's bytes must be contiguous): a
 * private temporary file holding the file deflated as its zip entry holds it, copied into the zip afterwards as it
 * is, never inflated or deflated again. The log is read once, and what waits is on disk, not in memory (deflated, in
 * about a twelfth of the space of its text, for a tmpfs that holds it in memory).
 */
export class SpoolFile {
  private constructor(
    private readonly dir: string,
    private readonly path: string,
    /** Where the bytes go, to be deflated. */
    readonly input: Writable,
    /** Settles once every byte given to `input` is on disk. */
    private readonly written: Promise<void>,
  ) {}

  /**
   * In a new directory of the system's temporary one, named after `name` (an operator sees whose it is), deflated at
   * `level`.
   */
  static async create(name: string, level: number): Promise<SpoolFile> {
    // mkdtemp makes the directory 0700: only this user reads the audit data while it waits there.
    const dir = await mkdtemp(join(tmpdir(), `${name}-`));
    const path = join(dir, 'spool');
    // zlib streams take the stream options too, which its option type does not say.
    const input = createDeflateRaw({ level, writableHighWaterMark: SPOOL_QUEUE_BYTES } as ZlibOptions &
      TransformOptions);
    const written = pipeline(input, createWriteStream(path, { mode: 0o600 }));
    // Whoever reads the file back sees a failure; a spool disposed of before then is no crash of the process.
    written.catch(() => undefined);
    return new SpoolFile(dir, path, input, written);
  }

  /**
   * The deflated bytes written (raw deflate), to read once; the file is already unlinked, its space returned when
   * the stream closes.
   */
  async readBack(): Promise<Readable> {
    await this.written;
    const file = createReadStream(this.path);
    await new Promise<void>((resolve, reject) => file.once('open', () => resolve()).once('error', reject));
    await this.dispose();
    return file;
  }

  /** Removes the file and its directory; safe to call more than once. */
  async dispose(): Promise<void> {
    this.input.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
