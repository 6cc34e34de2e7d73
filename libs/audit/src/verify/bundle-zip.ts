import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { fileErrorInWords } from '../file-error';
import { ExportProblemFound, fail } from './export-problem';

// zip's two methods: stored and deflated.
const STORED = 0;
const DEFLATED = 8;
// yauzl inflates in zlib's default 16 kB pieces and counts them in a stream of its own: over a bundle's two large
// entries that cost twice the inflating itself, where pieces of 256 kB, counted here, cost little beside it.
const INFLATED_CHUNK_BYTES = 256 * 1024;

const reason = fileErrorInWords;

/**
 * A bundle zip opened for random access: entries are read in the order the checks need (the manifest first),
 * whatever their order in the archive, each as a stream.
 */
export class BundleZip {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  static async open(path: string): Promise<BundleZip> {
    let zip: ZipFile;
    try {
      // validateEntrySizes: an entry whose data does not match its declared size fails instead of being cut short.
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    } catch (error) {
      return fail({ code: 'unreadable', message: `${path} cannot be read as a zip: ${reason(error)}` });
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        // Two entries of one name: which one a tool shows is up to the tool, so the auditor and the verifier
        // could be reading different files.
        if (entries.has(entry.fileName)) {
          fail({
            code: 'unreadable',
            file: entry.fileName,
            message: `the bundle holds two entries named ${entry.fileName}`,
          });
        }
        entries.set(entry.fileName, entry);
      }
    } catch (error) {
      zip.close();
      if (error instanceof ExportProblemFound) throw error;
      return fail({ code: 'unreadable', message: `the zip directory of ${path} is damaged: ${reason(error)}` });
    }
    return new BundleZip(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Declared uncompressed size; read() holds the stream to it. */
  size(name: string): number {
    return this.require(name).uncompressedSize;
  }

  /** The entry's bytes, failing the verification (not throwing an I/O error) when they cannot be read. */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.require(name);
    const damaged = (why: string) =>
      fail({ code: 'unreadable', file: name, message: `${name} is damaged in the bundle: ${why}` });
    let stream: Readable;
    try {
      stream = await this.open(entry);
    } catch (error) {
      return fail({
        code: 'unreadable',
        file: name,
        message: `${name} cannot be read from the bundle: ${reason(error)}`,
      });
    }
    // The declared size is held to, as yauzl's validateEntrySizes does: data longer or shorter than it fails
    // rather than being read as another file than the one the zip's directory describes.
    let bytes = 0;
    try {
      for await (const chunk of stream) {
        bytes += (chunk as Buffer).length;
        if (bytes > entry.uncompressedSize) damaged(`it holds more than the ${entry.uncompressedSize} bytes declared`);
        yield chunk as Buffer;
      }
    } catch (error) {
      if (error instanceof ExportProblemFound) throw error;
      damaged(reason(error));
    }
    if (bytes < entry.uncompressedSize) damaged(`it holds ${bytes} bytes, not the ${entry.uncompressedSize} declared`);
  }

  close(): void {
    this.zip.close();
  }

  /** The entry's data, inflated when it was deflated. */
  private async open(entry: Entry): Promise<Readable> {
    if (entry.isEncrypted()) throw new Error('it is encrypted');
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      throw new Error(`its compression method ${entry.compressionMethod} is neither stored nor deflated`);
    }
    const raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false });
    if (entry.compressionMethod === STORED) return raw;
    // pipeline passes an error of either stream on to the inflated one, and destroys both when reading stops early.
    return pipeline(raw, createInflateRaw({ chunkSize: INFLATED_CHUNK_BYTES }), () => undefined);
  }

  private require(name: string): Entry {
    const entry = this.entries.get(name);
    if (entry === undefined) fail({ code: 'missing_file', file: name, message: `the bundle has no ${name}` });
    return entry;
  }
}
