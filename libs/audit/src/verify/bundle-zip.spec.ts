import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { BundleZip } from './bundle-zip';
import { ExportProblemFound } from './export-problem';

// BundleZip inflates the entries itself: what yauzl held them to (their declared size, sound deflate data) must hold.

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const UNCOMPRESSED_SIZE_AT = 24;
const FILE_NAME_AT = 46;
// Long enough to be inflated in several pieces, varied enough not to shrink to nothing.
const text = Array.from({ length: 40_000 }, (_, i) => `{"line":${i},"value":"${(i * 7919) % 104729}"}\n`).join('');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-zip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function zipOf(entries: Record<string, { text: string; compress: boolean }>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, entry] of Object.entries(entries)) {
    zip.addBuffer(Buffer.from(entry.text), name, { compress: entry.compress });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The zip with the size its central directory declares for `name` changed by `delta`. */
function withDeclaredSize(zip: Buffer, name: string, delta: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = patched.indexOf(CENTRAL_HEADER); at !== -1; at = patched.indexOf(CENTRAL_HEADER, at + 1)) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('latin1', at + FILE_NAME_AT, at + FILE_NAME_AT + nameLength) !== name) continue;
    patched.writeUInt32LE(patched.readUInt32LE(at + UNCOMPRESSED_SIZE_AT) + delta, at + UNCOMPRESSED_SIZE_AT);
    return patched;
  }
  throw new Error(`no central directory entry for ${name}`);
}

async function readAll(bytes: Buffer, name: string): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(path, bytes);
  const zip = await BundleZip.open(path);
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of zip.read(name)) chunks.push(chunk);
    return Buffer.concat(chunks).toString();
  } finally {
    zip.close();
  }
}

async function problemReading(bytes: Buffer, name: string): Promise<unknown> {
  try {
    await readAll(bytes, name);
  } catch (error) {
    if (error instanceof ExportProblemFound) return error.problem;
    throw error;
  }
  return undefined;
}

describe('BundleZip.read', () => {
  it('gives a deflated entry and a stored one back whole', async () => {
    const zip = await zipOf({ 'a.ndjson': { text, compress: true }, 'b.ndjson': { text, compress: false } });

    expect(await readAll(zip, 'a.ndjson')).toBe(text);
    expect(await readAll(zip, 'b.ndjson')).toBe(text);
  });

  it('fails on an entry that holds more or fewer bytes than its declared size', async () => {
    const zip = await zipOf({ 'a.ndjson': { text, compress: true } });

    expect(await problemReading(withDeclaredSize(zip, 'a.ndjson', -1), 'a.ndjson')).toMatchObject({
      code: 'unreadable',
      file: 'a.ndjson',
      message: expect.stringContaining('more than the'),
    });
    expect(await problemReading(withDeclaredSize(zip, 'a.ndjson', 1), 'a.ndjson')).toMatchObject({
      code: 'unreadable',
      file: 'a.ndjson',
      message: expect.stringContaining('not the'),
    });
  });

  it('fails on deflate data that does not inflate', async () => {
    const zip = await zipOf({ 'a.ndjson': { text, compress: true } });
    const damaged = Buffer.from(zip);
    // The data starts after the local header (30 bytes and the name): its first block header is made invalid.
    damaged.fill(0xff, 30 + 'a.ndjson'.length, 30 + 'a.ndjson'.length + 8);

    expect(await problemReading(damaged, 'a.ndjson')).toMatchObject({ code: 'unreadable', file: 'a.ndjson' });
  });
});
