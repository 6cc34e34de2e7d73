import { isHashHex } from '../hash-hex';
import { NoteError } from './note-error';
import { isKeyName, isNoteText } from './note-text';
import { decodeBase64 } from './strict-base64';

// The checkpoint note text (C2SP tlog-checkpoint): `<origin>\n<tree size>\n<base64 root hash>\n`, then any extension lines.

/** A tree head of the log: the tree of its first `size` events, whose RFC 6962 root `merkle.ts` computes. */
export interface Checkpoint {
  /** Who issued the checkpoint; also the log key's name, so that its signature line names the log. */
  readonly origin: string;
  readonly size: number;
  /** 64 lowercase hex digits, as merkle.ts returns roots. */
  readonly root: string;
}

export interface ParsedCheckpoint extends Checkpoint {
  /** Opaque lines after the root; this library writes none but keeps any it reads. */
  readonly extensions: readonly string[];
}

const ROOT_BYTES = 32;
const TREE_SIZE = /^(?:0|[1-9][0-9]*)$/;

function malformed(message: string): NoteError {
  return new NoteError('malformed', `not a checkpoint: ${message}`);
}

/** A Merkle root as merkle.ts spells it (lowercase hex) to the base64 a checkpoint carries. */
export function rootToBase64(rootHex: string): string {
  if (!isHashHex(rootHex)) throw new TypeError('a Merkle root must be 64 lowercase hex digits');
  return Buffer.from(rootHex, 'hex').toString('base64');
}

/** A checkpoint's base64 root hash to lowercase hex, refusing anything but exactly 32 bytes. */
export function rootFromBase64(rootBase64: string): string {
  const bytes = decodeBase64(rootBase64);
  if (bytes === undefined) throw malformed(`root hash ${JSON.stringify(rootBase64)} is not base64`);
  if (bytes.length !== ROOT_BYTES) throw malformed(`a root hash is ${ROOT_BYTES} bytes, not ${bytes.length}`);
  return bytes.toString('hex');
}

/** The note text of our own checkpoints: the origin must be fit to name the log's key too. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  if (!isKeyName(checkpoint.origin)) {
    throw malformed(
      `origin ${JSON.stringify(checkpoint.origin)} is empty or has a space, a "+" or a control character`,
    );
  }
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) {
    throw malformed(`tree size ${checkpoint.size} is not a natural number`);
  }
  return `${checkpoint.origin}\n${checkpoint.size}\n${rootToBase64(checkpoint.root)}\n`;
}

/**
 * Parses a checkpoint note text strictly. The origin only has to be a non-empty line: the specification forbids
 * clients to assume more of another log's origin than that.
 */
export function parseCheckpoint(text: string): ParsedCheckpoint {
  if (!text.endsWith('\n')) throw malformed('the text must end with a newline');
  if (!isNoteText(text)) throw malformed('the text must be valid UTF-8 without control characters but newline');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (root === undefined) throw malformed('it needs an origin, a tree size and a root hash line');
  if (origin === '') throw malformed('the origin line is empty');
  if (!TREE_SIZE.test(size)) {
    throw malformed(`tree size ${JSON.stringify(size)} is not a decimal number without leading zeros`);
  }
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize)) throw malformed(`tree size ${size} is beyond 2^53 - 1, the largest handled`);
  if (extensions.includes('')) throw malformed('an extension line is empty');
  return { origin, size: treeSize, root: rootFromBase64(root), extensions };
}
