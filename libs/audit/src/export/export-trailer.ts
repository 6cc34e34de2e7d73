import { createHash } from 'node:crypto';
import { isHashHex } from '../hash-hex';
import { decodeBase64 } from '../transparency/strict-base64';

// The end of every export, version 2 (docs/audit-format.md §5): what makes an export impossible to cut unnoticed.
// The exporter writes these lines, the verifier reads them; both import them from here.

export const EXPORT_FORMAT_V2 = 'portfolio-ledger/export/v2';

/** The first line of an export statement's note text: it can be opened as nothing else (a checkpoint's is an origin). */
const STATEMENT_HEADER = EXPORT_FORMAT_V2;

/** RFC 9162 consistency proof from a review-cycle seal's tree to the export's checkpoint; hashes in base64. */
export interface SealToCheckpointProof {
  readonly cycleId: string;
  /** Position of the ReviewCycleHeld event recording the seal, in decimal. */
  readonly position: string;
  /** The seal's eventCount: the size of the tree it signs. */
  readonly treeSize: number;
  readonly proof: readonly string[];
}

/** The latest checkpoint that witnesses cosigned, and the proof that the export's checkpoint extends it. */
export interface WitnessedCheckpoint {
  /** The signed note: the log's signature and the witnesses' cosignature lines. */
  readonly checkpoint: string;
  /** RFC 9162 consistency proof from its size to the export checkpoint's size; hashes in base64. */
  readonly proof: readonly string[];
}

/** The trailer: the last line of an NDJSON export, the last (comment) line of a CSV export. */
export interface ExportTrailer {
  readonly format: typeof EXPORT_FORMAT_V2;
  /** The C2SP signed checkpoint of the whole log up to the export's head, as the instance stored and served it. */
  readonly checkpoint: string;
  /** The RFC 3161 time-stamp token over that checkpoint's note text (DER, base64), when the instance has a TSA. */
  readonly timestamp?: string;
  /** The export statement (ExportStatement), a signed note by the same key as the checkpoint. */
  readonly statement: string;
  /** One per seal known at the export's head, in position order. */
  readonly sealProofs: readonly SealToCheckpointProof[];
  /** Absent when no witness has cosigned a checkpoint of this log yet. */
  readonly witnessed?: WitnessedCheckpoint;
}

/** What the export holds, signed: the verifier recounts and rehashes it, so no event can be dropped or added. */
export interface ExportStatement {
  /** The checkpoint the export is proven against. */
  readonly treeSize: number;
  /** That checkpoint's root, base64, as in the checkpoint. */
  readonly root: string;
  /** ISO-8601 instant. */
  readonly exportedAt: string;
  /** The query that selected the events, by name (empty for the whole log). */
  readonly filters: Readonly<Record<string, string>>;
  readonly eventCount: number;
  /** Positions of the first and last exported events, in decimal; null for an empty export. */
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  /** Seals known at the export's head (the trailer's sealProofs lists as many). */
  readonly sealCount: number;
  /** EventHashesDigest of the exported events, in export order: 64 lowercase hex digits. */
  readonly eventHashes: string;
}

/**
 * SHA-256 over the exported events' hashes, each as 64 lowercase hex digits and a newline, in export order: one
 * digest for NDJSON, CSV and bundle alike, since it depends on the events and not on how they are written.
 */
export class EventHashesDigest {
  private readonly hash = createHash('sha256');
  /** Lines not yet hashed: a call into the hash per event cost twice as much as gathering them. */
  private pending = '';

  add(eventHash: string): void {
    this.pending += `${eventHash}\n`;
    if (this.pending.length >= HASH_BATCH_CHARS) this.flush();
  }

  hex(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    this.hash.update(this.pending, 'latin1');
    this.pending = '';
  }
}

/** Characters of hash lines gathered before they are hashed. */
const HASH_BATCH_CHARS = 64 * 1024;

/** The query string of the statement's `filters` line: names sorted, values percent-encoded; `-` for none. */
function filtersText(filters: Readonly<Record<string, string>>): string {
  const names = Object.keys(filters).sort();
  if (names.length === 0) return '-';
  return names.map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(filters[name])}`).join('&');
}

/** The statement's note text (before signing). */
export function formatExportStatement(statement: ExportStatement): string {
  const range =
    statement.firstPosition === null ? '-' : `${statement.firstPosition} ${statement.lastPosition ?? ''}`.trim();
  return [
    STATEMENT_HEADER,
    `checkpoint ${statement.treeSize} ${statement.root}`,
    `exported-at ${statement.exportedAt}`,
    `filters ${filtersText(statement.filters)}`,
    `events ${statement.eventCount}`,
    `positions ${range}`,
    `seals ${statement.sealCount}`,
    `event-hashes sha256:${statement.eventHashes}`,
    '',
  ].join('\n');
}

const NATURAL = /^(?:0|[1-9][0-9]*)$/;

function field(line: string | undefined, name: string): string {
  const prefix = `${name} `;
  if (line === undefined || !line.startsWith(prefix)) throw new Error(`expected a "${name}" line`);
  return line.slice(prefix.length);
}

function natural(text: string, what: string): number {
  if (!NATURAL.test(text) || !Number.isSafeInteger(Number(text))) throw new Error(`${what} is not a natural number`);
  return Number(text);
}

function parseFilters(text: string): Record<string, string> {
  if (text === '-') return {};
  const filters: Record<string, string> = {};
  for (const pair of text.split('&')) {
    const [name, value, extra] = pair.split('=');
    if (value === undefined || extra !== undefined) throw new Error(`filter ${JSON.stringify(pair)} is not name=value`);
    filters[decodeURIComponent(name)] = decodeURIComponent(value);
  }
  return filters;
}

function parsePositions(text: string): [string | null, string | null] {
  if (text === '-') return [null, null];
  const [first, last, extra] = text.split(' ');
  if (last === undefined || extra !== undefined || !NATURAL.test(first) || !NATURAL.test(last)) {
    throw new Error(`positions ${JSON.stringify(text)} are not "<first> <last>"`);
  }
  return [first, last];
}

/** Parses a statement's note text (once its signature is verified); throws an Error saying what is wrong. */
export function parseExportStatement(text: string): ExportStatement {
  if (!text.endsWith('\n')) throw new Error('the statement must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== STATEMENT_HEADER) throw new Error(`the statement must start with ${STATEMENT_HEADER}`);
  if (lines.length !== 8) throw new Error(`the statement has ${lines.length} lines, not 8`);
  const [size, root, extra] = field(lines[1], 'checkpoint').split(' ');
  if (root === undefined || extra !== undefined) throw new Error('the checkpoint line is not "<size> <root>"');
  const [firstPosition, lastPosition] = parsePositions(field(lines[5], 'positions'));
  const eventHashes = field(lines[7], 'event-hashes');
  if (!eventHashes.startsWith('sha256:') || !isHashHex(eventHashes.slice(7))) {
    throw new Error('the event-hashes line is not sha256:<64 lowercase hex digits>');
  }
  return {
    treeSize: natural(size, 'the checkpoint size'),
    root,
    exportedAt: field(lines[2], 'exported-at'),
    filters: parseFilters(field(lines[3], 'filters')),
    eventCount: natural(field(lines[4], 'events'), 'the event count'),
    firstPosition,
    lastPosition,
    sealCount: natural(field(lines[6], 'seals'), 'the seal count'),
    eventHashes: eventHashes.slice(7),
  };
}

/** An NDJSON line that is the trailer (and not an event): an object with this one key. */
export const TRAILER_KEY = 'exportTrailer';
/** An NDJSON line that is the inclusion proof of the event line just before it (filtered exports only). */
export const INCLUSION_PROOF_KEY = 'inclusionProof';
/** The CSV trailer: a comment line (TableSchema dialect commentChar "#"), one cell of base64 JSON, no comma. */
export const CSV_TRAILER_PREFIX = '#exportTrailer:';

/** The inclusion proof of one exported event in the trailer's checkpoint; hashes in base64. */
export interface EventInclusionProof {
  /** The event's 0-based index in the whole log (its leaf), not in the export. */
  readonly leafIndex: number;
  readonly proof: readonly string[];
}

export function trailerLine(trailer: ExportTrailer): string {
  return `${JSON.stringify({ [TRAILER_KEY]: trailer })}\n`;
}

export function inclusionProofLine(proof: EventInclusionProof): string {
  return `${JSON.stringify({ [INCLUSION_PROOF_KEY]: proof })}\n`;
}

export function csvTrailerLine(trailer: ExportTrailer): string {
  return `${CSV_TRAILER_PREFIX}${Buffer.from(JSON.stringify(trailer), 'utf8').toString('base64')}\n`;
}

// Reading the trailer's lines back: they come from files under audit, so every field is checked for shape, and each
// line must be byte for byte what the writers above make of what was read (no extra field, no other spelling).

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path} must be an object`);
  return value as Json;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Error(`${path} must be a string`);
  return value;
}

function size(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${path} must be a non-negative integer`);
  }
  return value;
}

function proofHashes(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new Error(`${path} must be an array`);
  return value.map((hash, i) => {
    const bytes = typeof hash === 'string' ? decodeBase64(hash) : undefined;
    if (bytes?.length !== 32) throw new Error(`${path}[${i}] must be a 32-byte hash in base64`);
    return hash as string;
  });
}

function sealProof(value: unknown, path: string): SealToCheckpointProof {
  const item = object(value, path);
  const position = text(item.position, `${path}.position`);
  if (!NATURAL.test(position)) throw new Error(`${path}.position must be a decimal string`);
  return {
    cycleId: text(item.cycleId, `${path}.cycleId`),
    position,
    treeSize: size(item.treeSize, `${path}.treeSize`),
    proof: proofHashes(item.proof, `${path}.proof`),
  };
}

function parseTrailer(value: unknown): ExportTrailer {
  const item = object(value, TRAILER_KEY);
  if (item.format !== EXPORT_FORMAT_V2) throw new Error(`${TRAILER_KEY}.format must be ${EXPORT_FORMAT_V2}`);
  if (!Array.isArray(item.sealProofs)) throw new Error(`${TRAILER_KEY}.sealProofs must be an array`);
  const witnessed = item.witnessed === undefined ? undefined : object(item.witnessed, `${TRAILER_KEY}.witnessed`);
  const timestamp = item.timestamp === undefined ? undefined : text(item.timestamp, `${TRAILER_KEY}.timestamp`);
  if (timestamp !== undefined && decodeBase64(timestamp) === undefined) {
    throw new Error(`${TRAILER_KEY}.timestamp must be base64`);
  }
  return {
    format: EXPORT_FORMAT_V2,
    checkpoint: text(item.checkpoint, `${TRAILER_KEY}.checkpoint`),
    ...(timestamp === undefined ? {} : { timestamp }),
    statement: text(item.statement, `${TRAILER_KEY}.statement`),
    sealProofs: item.sealProofs.map((proof, i) => sealProof(proof, `${TRAILER_KEY}.sealProofs[${i}]`)),
    ...(witnessed === undefined
      ? {}
      : {
          witnessed: {
            checkpoint: text(witnessed.checkpoint, `${TRAILER_KEY}.witnessed.checkpoint`),
            proof: proofHashes(witnessed.proof, `${TRAILER_KEY}.witnessed.proof`),
          },
        }),
  };
}

function parseInclusionProof(value: unknown): EventInclusionProof {
  const item = object(value, INCLUSION_PROOF_KEY);
  return {
    leafIndex: size(item.leafIndex, `${INCLUSION_PROOF_KEY}.leafIndex`),
    proof: proofHashes(item.proof, `${INCLUSION_PROOF_KEY}.proof`),
  };
}

/** What a line of NDJSON that is not an event holds; `kind` is undefined for a line that is neither. */
export type ProofLine =
  | { readonly kind: 'trailer'; readonly trailer: ExportTrailer }
  | { readonly kind: 'inclusionProof'; readonly proof: EventInclusionProof };

/**
 * Reads a trailer or inclusion-proof line (its text, without the newline), or returns undefined when the line is
 * neither (an event, then). Throws an Error saying what is wrong with a line that starts as one but is not.
 */
export function parseProofLine(line: string): ProofLine | undefined {
  const isTrailer = line.startsWith(`{"${TRAILER_KEY}":`);
  if (!isTrailer && !line.startsWith(`{"${INCLUSION_PROOF_KEY}":`)) return undefined;
  let value: Json;
  try {
    value = object(JSON.parse(line), 'the line');
  } catch {
    throw new Error('the line is not valid JSON');
  }
  const parsed: ProofLine = isTrailer
    ? { kind: 'trailer', trailer: parseTrailer(value[TRAILER_KEY]) }
    : { kind: 'inclusionProof', proof: parseInclusionProof(value[INCLUSION_PROOF_KEY]) };
  const written = parsed.kind === 'trailer' ? trailerLine(parsed.trailer) : inclusionProofLine(parsed.proof);
  if (written !== `${line}\n`)
    throw new Error('the line is not written as the exporter writes it (extra fields, spacing or key order)');
  return parsed;
}

/** A proof's base64 hashes in the lowercase hex the Merkle checks take. */
export function hexHashes(proof: readonly string[]): string[] {
  return proof.map((hash) => Buffer.from(hash, 'base64').toString('hex'));
}
