// A zip written as a stream, one deflated entry after another (PKWARE APPNOTE 6.3): what a bundle needs of the format.
import type { Writable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { drained } from './text-sink';

/** An entry's data as it goes into the zip: raw deflate (method 8), with the CRC-32 and size of what it inflates to. */
export interface DeflatedEntry {
  readonly name: string;
  readonly deflated: AsyncIterable<Buffer> | Iterable<Buffer>;
  /** Asked once the deflated bytes are written: an entry streamed as it is made knows these only then. */
  described(): { readonly crc32: number; readonly size: number };
}

/** A small file held whole, deflated at `level`. */
export function bufferEntry(name: string, bytes: Buffer, level: number): DeflatedEntry {
  return {
    name,
    deflated: [deflateRawSync(bytes, { level })],
    described: () => ({ crc32: crc32(bytes), size: bytes.length }),
  };
}

interface WrittenEntry {
  readonly name: Buffer;
  readonly offset: number;
  readonly crc32: number;
  readonly size: number;
  readonly compressedSize: number;
}

const DEFLATE = 8;
/** Sizes and CRC-32 follow the data (bit 3); the name is UTF-8 (bit 11). */
const FLAGS = (1 << 3) | (1 << 11);
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Made on Unix (3), by version 6.3 of the specification. */
const VERSION_MADE_BY = (3 << 8) | 63;
/** A regular file, rw-rw-r--, in the upper half of the external attributes. */
const FILE_ATTRIBUTES = (0o100664 << 16) >>> 0;
/** Past this, a size or offset no longer fits in 32 bits and takes a ZIP64 field. */
const MAX_32 = 0xfffffffe;

/**
 * Writes each entry's local header, its deflated bytes and a data descriptor, then the central directory once every
 * entry is in. Each write waits while `output` is full, so nothing is held in proportion to an entry. Entries whose
 * data was deflated elsewhere (a spooled file) are copied as they are: nothing is inflated or deflated again.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: WrittenEntry[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly output: Writable,
    mtime: Date,
  ) {
    [this.time, this.date] = dosDateTime(mtime);
  }

  async add(entry: DeflatedEntry): Promise<void> {
    const name = Buffer.from(entry.name, 'utf8');
    const offset = this.offset;
    await this.write(this.localHeader(name));
    let compressedSize = 0;
    for await (const chunk of entry.deflated) {
      compressedSize += chunk.length;
      await this.write(chunk);
    }
    const { crc32, size } = entry.described();
    const written = { name, offset, crc32, size, compressedSize };
    await this.write(dataDescriptor(written));
    this.entries.push(written);
  }

  /** Writes the central directory and ends `output`. */
  async end(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) await this.write(this.centralRecord(entry));
    const size = this.offset - start;
    if (start > MAX_32 || size > MAX_32 || this.entries.length >= 0xffff) await this.write(this.zip64End(start, size));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 8);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, 0xffffffff), 12);
    end.writeUInt32LE(Math.min(start, 0xffffffff), 16);
    await this.write(end);
    this.output.end();
  }

  private localHeader(name: Buffer): Buffer {
    const header = Buffer.alloc(30 + name.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION_NEEDED, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    // CRC-32 and sizes (left zero) are in the data descriptor.
    header.writeUInt16LE(name.length, 26);
    name.copy(header, 30);
    return header;
  }

  private centralRecord(entry: WrittenEntry): Buffer {
    const zip64 = needsZip64(entry);
    const record = Buffer.alloc(46 + entry.name.length + (zip64 ? 28 : 0));
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION_MADE_BY, 4);
    record.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
    record.writeUInt16LE(FLAGS, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(this.time, 12);
    record.writeUInt16LE(this.date, 14);
    record.writeUInt32LE(entry.crc32, 16);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.compressedSize, 20);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt16LE(zip64 ? 28 : 0, 30);
    record.writeUInt32LE(FILE_ATTRIBUTES, 38);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.offset, 42);
    entry.name.copy(record, 46);
    if (zip64) {
      const extra = 46 + entry.name.length;
      record.writeUInt16LE(0x0001, extra);
      record.writeUInt16LE(24, extra + 2);
      record.writeBigUInt64LE(BigInt(entry.size), extra + 4);
      record.writeBigUInt64LE(BigInt(entry.compressedSize), extra + 12);
      record.writeBigUInt64LE(BigInt(entry.offset), extra + 20);
    }
    return record;
  }

  /** The ZIP64 end of central directory record and its locator. */
  private zip64End(start: number, size: number): Buffer {
    const record = Buffer.alloc(56 + 20);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(VERSION_MADE_BY, 12);
    record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
    record.writeBigUInt64LE(BigInt(this.entries.length), 24);
    record.writeBigUInt64LE(BigInt(this.entries.length), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    record.writeUInt32LE(0x07064b50, 56);
    record.writeBigUInt64LE(BigInt(this.offset), 64);
    record.writeUInt32LE(1, 72);
    return record;
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.output.write(bytes)) await drained(this.output);
  }
}

function needsZip64(entry: WrittenEntry): boolean {
  return entry.size > MAX_32 || entry.compressedSize > MAX_32 || entry.offset > MAX_32;
}

function dataDescriptor(entry: WrittenEntry): Buffer {
  const zip64 = needsZip64(entry);
  const descriptor = Buffer.alloc(zip64 ? 24 : 16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc32, 4);
  if (zip64) {
    descriptor.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
    descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    descriptor.writeUInt32LE(entry.compressedSize, 8);
    descriptor.writeUInt32LE(entry.size, 12);
  }
  return descriptor;
}

/** MS-DOS time and date fields, in local time as zip tools read them. */
function dosDateTime(instant: Date): [time: number, date: number] {
  const time = (instant.getHours() << 11) | (instant.getMinutes() << 5) | (instant.getSeconds() >> 1);
  const date = ((instant.getFullYear() - 1980) << 9) | ((instant.getMonth() + 1) << 5) | instant.getDate();
  return [time, date];
}
