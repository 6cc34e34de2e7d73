// The hashing of RFC 9162 §2.1 (RFC 6962's Merkle tree), shared by the tree, the accumulator and the proof checks.
// Leaves are event hashes (64 lowercase hex digits); every hash taken or returned outside this folder is in that form.
import { createHash, hash } from 'node:crypto';
import { isHashHex } from '../hash-hex';

export const HASH_BYTES = 32;
// Distinct prefixes keep a leaf from ever passing for an inner node (second-preimage defence, RFC 9162 §2.1.1).
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
export const EMPTY_ROOT = createHash('sha256').digest('hex');

// One-shot crypto.hash over the concatenated input: a Hash object per leaf and per node cost twice as much, in a
// tree that takes two hashes per event.
export function leafHash(entry: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, entry]), 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

/** The leaf hash of an event hash (64 lowercase hex digits, else TypeError). */
export function leafHashOf(leafHex: string): Buffer {
  return leafHash(hashBytes(leafHex, 'leaf'));
}

export function hashBytes(hex: string, name: string): Buffer {
  // Buffer.from(hex, 'hex') silently drops what it cannot parse, so the format is checked first.
  if (!isHashHex(hex)) throw new TypeError(`${name} must be 64 lowercase hex digits`);
  return Buffer.from(hex, 'hex');
}

export function isTreeSize(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Where RFC 9162 splits a tree of n >= 2 leaves: the largest power of two below n. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function half(n: number): number {
  // Sizes may exceed 2^31, where JavaScript's bitwise shifts would wrap.
  return Math.floor(n / 2);
}

export function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n = half(n);
  return n === 1;
}
