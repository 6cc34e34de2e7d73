import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ExportProblemFound, fail } from './export-problem';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

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

  /** Declared uncompressed size; validateEntrySizes holds the stream to it. */
  size(name: string): number {
    return this.require(name).uncompressedSize;
  }

  /** The entry's bytes, failing the verification (not throwing an I/O error) when they cannot be read. */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.require(name);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      return fail({
        code: 'unreadable',
        file: name,
        message: `${name} cannot be read from the bundle: ${reason(error)}`,
      });
    }
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      fail({ code: 'unreadable', file: name, message: `${name} is damaged in the bundle: ${reason(error)}` });
    }
  }

  close(): void {
    this.zip.close();
  }

  private require(name: string): Entry {
    const entry = this.entries.get(name);
    if (entry === undefined) fail({ code: 'missing_file', file: name, message: `the bundle has no ${name}` });
    return entry;
  }
}
