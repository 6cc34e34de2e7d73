import { createHash } from 'node:crypto';
import { isHashHex } from '../hash-hex';

// The end of every export, version 2 (docs/audit-format.md §6): what makes an export impossible to cut unnoticed.
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

  add(eventHash: string): void {
    this.hash.update(`${eventHash}\n`, 'latin1');
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

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
