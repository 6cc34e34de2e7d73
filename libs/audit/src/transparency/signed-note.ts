import { NoteError } from './note-error';
import { assertKeyName } from './note-key';
import { isKeyName, isNoteText } from './note-text';
import { decodeBase64 } from './strict-base64';

// The signed note format (C2SP signed-note): a text ending in a newline, a blank line, then `— <name> <base64>` lines.

/** One signature line: the signing key's name and ID, and the signature proper (after the 4 key-ID bytes). */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Buffer;
}

export interface SignedNote {
  /** The signed text, its final newline included. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/**
 * The specification asks verifiers to bound the signatures they parse and to accept at least 16: the smallest bound
 * keeps the work a hostile note can cause small, and a log with a few witnesses well within it.
 */
export const MAX_NOTE_SIGNATURES = 16;

const SIGNATURE_PREFIX = '\u2014 ';
const KEY_ID_BYTES = 4;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function malformed(message: string): NoteError {
  return new NoteError('malformed', message);
}

/** Refuses a text that cannot be signed: one not ending in a newline, or holding what notes forbid. */
export function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) throw malformed('a note text must end with a newline');
  if (!isNoteText(text)) throw malformed('a note text must be valid UTF-8 without control characters but newline');
}

/** `— <name> <base64(key ID || signature)>`, without the newline that ends it in a note. */
export function formatSignatureLine(signature: NoteSignature): string {
  assertKeyName(signature.name);
  if (!Number.isInteger(signature.keyId) || signature.keyId < 0 || signature.keyId > 0xffffffff) {
    throw malformed(`key ID ${signature.keyId} is not a 32-bit unsigned integer`);
  }
  if (signature.signature.length === 0) throw malformed(`the signature of ${signature.name} is empty`);
  const keyId = Buffer.alloc(KEY_ID_BYTES);
  keyId.writeUInt32BE(signature.keyId);
  return `${SIGNATURE_PREFIX}${signature.name} ${Buffer.concat([keyId, signature.signature]).toString('base64')}`;
}

export function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    throw malformed(`signature line ${JSON.stringify(line)} does not start with "— "`);
  }
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  if (!isKeyName(name)) throw malformed(`signature line ${JSON.stringify(line)} has no valid key name`);
  const bytes = space < 0 ? undefined : decodeBase64(rest.slice(space + 1));
  if (bytes === undefined || bytes.length <= KEY_ID_BYTES) {
    throw malformed(`the signature of ${name} is not base64 of a key ID and a signature`);
  }
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(KEY_ID_BYTES) };
}

export function formatNote(note: SignedNote): string {
  assertNoteText(note.text);
  assertSignatureCount(note.signatures.length);
  return `${note.text}\n${note.signatures.map((signature) => `${formatSignatureLine(signature)}\n`).join('')}`;
}

/** Parses a note without checking any signature: see openNote for that. Bytes must be UTF-8. */
export function parseNote(note: string | Uint8Array): SignedNote {
  const text = typeof note === 'string' ? note : decodeUtf8(note);
  if (!isNoteText(text)) throw malformed('a note must be valid UTF-8 without control characters but newline');
  // The text may hold blank lines of its own: the last one is the separator.
  const split = text.lastIndexOf('\n\n');
  if (split < 0) throw malformed('a note must have a blank line between its text and its signatures');
  const block = text.slice(split + 2);
  if (!block.endsWith('\n')) throw malformed('a note must end with signature lines, each ending with a newline');
  const lines = block.slice(0, -1).split('\n');
  assertSignatureCount(lines.length);
  return { text: text.slice(0, split + 1), signatures: lines.map(parseSignatureLine) };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw malformed('a note must be valid UTF-8');
  }
}

function assertSignatureCount(count: number): void {
  if (count === 0) throw malformed('a note must have at least one signature');
  if (count > MAX_NOTE_SIGNATURES) {
    throw malformed(`a note may have at most ${MAX_NOTE_SIGNATURES} signatures, not ${count}`);
  }
}
