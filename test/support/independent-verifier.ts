// A verifier of the audit formats written from docs/audit-format.md alone: it imports nothing of the project, so that
// it checks the document as much as the code (a third party would write the same from the page).
import { createHash, createPublicKey, verify } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

export const leafHash = (eventHashHex: string): Buffer => sha256(Buffer.from([0]), Buffer.from(eventHashHex, 'hex'));
const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(Buffer.from([1]), left, right);

/** The root of the tree over these event hashes (hex), split at the largest power of two below n. */
export function merkleRoot(eventHashes: readonly string[]): Buffer {
  if (eventHashes.length === 0) return sha256();
  if (eventHashes.length === 1) return leafHash(eventHashes[0]);
  let k = 1;
  while (k * 2 < eventHashes.length) k *= 2;
  return nodeHash(merkleRoot(eventHashes.slice(0, k)), merkleRoot(eventHashes.slice(k)));
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(leaf: Buffer, index: number, size: number, proof: Buffer[], root: Buffer): boolean {
  if (index >= size) return false;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else r = nodeHash(r, p);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
export function verifyConsistency(m: number, n: number, oldRoot: Buffer, newRoot: Buffer, proof: Buffer[]): boolean {
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (m === 0 || m > n || proof.length === 0) return false;
  const path = (m & (m - 1)) === 0 ? [oldRoot, ...proof] : [...proof];
  let [fn, sn] = [m - 1, n - 1];
  while (fn % 2 === 1) [fn, sn] = [(fn - 1) / 2, Math.floor(sn / 2)];
  let [fr, sr] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

/** Opens a signed note with a verifier key `name+keyid+base64(0x01||key)`: its text, or throws. */
function openNote(note: string, vkey: string): string {
  // The base64 part may hold '+' itself: the name and key id end at the first two.
  const [name, keyIdHex] = vkey.split('+', 2);
  const material = vkey.slice(name.length + keyIdHex.length + 2);
  const publicKey = Buffer.from(material, 'base64').subarray(1);
  const keyId = sha256(Buffer.from(`${name}\n`), Buffer.from([1]), publicKey).subarray(0, 4);
  if (keyId.toString('hex') !== keyIdHex) throw new Error('the verifier key does not match its key id');
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  });
  const signed = note
    .slice(split + 2)
    .split('\n')
    .filter((line) => line.startsWith(`\u2014 ${name} `))
    .map((line) => Buffer.from(line.slice(name.length + 3), 'base64'))
    .some((sig) => sig.subarray(0, 4).equals(keyId) && verify(null, Buffer.from(text), key, sig.subarray(4)));
  if (!signed) throw new Error('no valid signature of the log key');
  return text;
}

/** Opens a checkpoint note with a verifier key: its origin, size and root, or throws. */
export function openCheckpoint(note: string, vkey: string): { origin: string; size: number; root: Buffer } {
  const [origin, size, root] = openNote(note, vkey).split('\n');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
}

/**
 * Checks an NDJSON export of the whole log (§5): its last line is the trailer, whose checkpoint and statement the log
 * key signed, the statement naming the checkpoint and the events (count, positions, digest of their hashes), the
 * checkpoint's root that of the events. Returns the statement's lines by name, or throws saying what failed.
 */
export function checkFullNdjsonExport(ndjson: string, vkey: string): Record<string, string> {
  const lines = ndjson.split('\n');
  if (lines.pop() !== '') throw new Error('the export does not end with a newline');
  const { exportTrailer: trailer } = JSON.parse(lines.pop() ?? '{}') as {
    exportTrailer?: { format: string; checkpoint: string; statement: string };
  };
  if (trailer?.format !== 'portfolio-ledger/export/v2') throw new Error('the export ends without its trailer');
  const checkpoint = openCheckpoint(trailer.checkpoint, vkey);
  const [header, ...fields] = openNote(trailer.statement, vkey).split('\n').slice(0, -1);
  if (header !== 'portfolio-ledger/export/v2' || fields.length !== 7) throw new Error('not an export statement');
  const statement = Object.fromEntries(fields.map((line) => [line.split(' ')[0], line.slice(line.indexOf(' ') + 1)]));
  const events = lines.map((line) => JSON.parse(line) as { position: string; hash: string });
  const hashes = events.map((event) => event.hash);
  const expected = {
    checkpoint: `${checkpoint.size} ${checkpoint.root.toString('base64')}`,
    filters: '-',
    events: String(events.length),
    positions: events.length === 0 ? '-' : `${events[0].position} ${events[events.length - 1].position}`,
    'event-hashes': `sha256:${sha256(Buffer.from(hashes.map((hash) => `${hash}\n`).join(''))).toString('hex')}`,
  };
  for (const [name, value] of Object.entries(expected)) {
    if (statement[name] !== value)
      throw new Error(`the statement says ${name} ${statement[name]}, the export ${value}`);
  }
  if (checkpoint.size !== events.length || !merkleRoot(hashes).equals(checkpoint.root)) {
    throw new Error('the events are not the log the checkpoint signs');
  }
  return statement;
}
