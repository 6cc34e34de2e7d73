// A zip written entry by entry reads back as written, also with sizes past 32 bits (ZIP64).
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';
import { bufferEntry, ZipWriter } from './zip-writer';

const MTIME = new Date(2022, 3, 1, 8, 0, 2);

async function written(add: (zip: ZipWriter) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const bytes = buffer(output);
  const zip = new ZipWriter(output, MTIME);
  await add(zip);
  await zip.end();
  return bytes;
}

/** Each entry of the zip, by name, with its inflated text. */
function entriesOf(zip: Buffer): Promise<Map<string, { entry: Entry; text: string }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error !== null) return reject(error);
      const entries = new Map<string, { entry: Entry; text: string }>();
      file.on('entry', (entry: Entry) =>
        file.openReadStream(entry, (openError, stream) => {
          if (openError !== null) return reject(openError);
          void buffer(stream).then((bytes) => {
            entries.set(entry.fileName, { entry, text: bytes.toString('utf8') });
            file.readEntry();
          }, reject);
        }),
      );
      file.on('end', () => resolve(entries)).on('error', reject);
      file.readEntry();
    });
  });
}

describe('a zip writer', () => {
  it('writes entries deflated here and entries deflated elsewhere, which read back as written', async () => {
    const csv = Buffer.from('position,hash\n1,"ab"\n'.repeat(500), 'utf8');
    // Deflated elsewhere (as a spooled file is) and handed over in pieces.
    const deflated = deflateRawSync(csv, { level: 1 });
    const pieces = [deflated.subarray(0, 100), deflated.subarray(100)];

    const zip = await written(async (writer) => {
      await writer.add(bufferEntry('README.md', Buffer.from('# Audit export — été\n', 'utf8'), 1));
      await writer.add({
        name: 'events.csv',
        deflated: pieces,
        described: () => ({ crc32: crc32(csv), size: csv.length }),
      });
    });

    const entries = await entriesOf(zip);
    expect([...entries.keys()]).toEqual(['README.md', 'events.csv']);
    expect(entries.get('README.md')?.text).toBe('# Audit export — été\n');
    expect(entries.get('events.csv')?.text).toBe(csv.toString('utf8'));
    expect(entries.get('events.csv')?.entry.getLastModDate().getTime()).toBe(MTIME.getTime());
  });

  it('records a size past 4 GiB in a ZIP64 field', async () => {
    const size = 5 * 1024 ** 3;

    const zip = await written((writer) =>
      writer.add({ name: 'events.ndjson', deflated: [deflateRawSync('')], described: () => ({ crc32: 0, size }) }),
    );

    const entry = await new Promise<Entry>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
        if (error !== null) return reject(error);
        file.once('entry', resolve).once('error', reject);
        file.readEntry();
      }),
    );
    expect(entry.uncompressedSize).toBe(size);
    expect(entry.versionNeededToExtract).toBe(45);
  });
});
