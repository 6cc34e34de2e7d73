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

/** Opens a checkpoint note with a verifier key `name+keyid+base64(0x01||key)`: its origin, size and root, or throws. */
export function openCheckpoint(note: string, vkey: string): { origin: string; size: number; root: Buffer } {
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
  const [origin, size, root] = text.split('\n');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
}
