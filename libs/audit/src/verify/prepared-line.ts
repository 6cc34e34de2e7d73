import { recomputeEvent, type JsonObject, type StoredEvent } from '@portfolio/event-store';
import { csvLineFromTexts } from '../export/event-csv';
import { hexHashes, parseProofLine, type EventInclusionProof, type ExportTrailer } from '../export/export-trailer';
import { isHashHex } from '../hash-hex';
import { verifyInclusion } from '../merkle/merkle-proofs';
import { leafHashOf } from '../merkle/tree-hash';
import { SEAL_EVENT_TYPE } from '../seal/seal';
import { parseEventLine, positionHint } from './event-line';
import { BatchBytes, type ByteRange } from './batch-bytes';
import type { ProvenTree } from './inclusion-proofs';
import type { LineBatch } from './line-batches';

// The checks of one line of events.ndjson that need no other line (its form, its hash, its CSV row, its inclusion
// proof), made ahead of the in-order checks and possibly in another thread: what the in-order checks then need of it.

/** An event as the in-order checks need it: its payload only when it records a seal (the rest was checked here). */
export type WalkedEvent = Omit<StoredEvent, 'data' | 'metadata'> & { readonly data?: JsonObject };

export type PreparedLine =
  | {
      readonly kind: 'event';
      readonly event: WalkedEvent;
      /** The hash the event's content makes, to be held against the one it carries. */
      readonly recomputedHash: string;
      /** Where its row of events.csv, as the exporter writes it, lies in the batch's `csvRows` (a bundle's). */
      readonly csvRow?: ByteRange;
      /**
       * Where the Merkle leaf hash of the hash it carries lies in the batch's `leafHashes`: absent when the plan asks
       * for none, or when that hash is no hash (the chain check rejects it before the tree would need it).
       */
      readonly leafHash?: ByteRange;
    }
  | {
      readonly kind: 'proof';
      readonly proof: EventInclusionProof;
      /** Whether it places `forHash` (the event on the line before) in the checkpoint; absent when not checked here. */
      readonly included?: { readonly forHash: string; readonly holds: boolean };
    }
  | { readonly kind: 'trailer'; readonly trailer: ExportTrailer }
  | { readonly kind: 'malformed'; readonly position?: string; readonly reason: string }
  | { readonly kind: 'cut'; readonly position?: string }
  | { readonly kind: 'overlong' };

/** A batch's lines prepared, with the rows of events.csv and the leaf hashes of its events when the plan asks. */
export interface PreparedLines {
  readonly lines: PreparedLine[];
  readonly csvRows?: Buffer;
  readonly leafHashes?: Buffer;
}

/** Where prepareLine adds what the plan asks of each event beside its hash. */
interface BatchPieces {
  readonly csvRows?: BatchBytes;
  readonly leafHashes?: BatchBytes;
}

/** What the lines are checked for: a filtered export's checkpoint, whether the CSV rows are wanted. */
export interface PreparePlan {
  readonly checkpoint?: ProvenTree;
  readonly csvRows: boolean;
  /** Whether the in-order checks recompute Merkle roots (a full export), from the leaf hashes prepared here. */
  readonly leafHashes: boolean;
  readonly maxLineBytes: number;
}

const NEWLINE = 0x0a;
// As event lines are decoded: invalid UTF-8 is a finding, and a BOM stays in the text for JSON.parse to reject.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Each line of the batch, in order, with what could be checked of it alone. */
export function prepareLines(batch: LineBatch, plan: PreparePlan): PreparedLines {
  const prepared: PreparedLine[] = [];
  const { bytes } = batch;
  // events.csv is about as long as events.ndjson, and events take some hundred bytes or more: a little room spares
  // most batches a second buffer.
  const pieces: BatchPieces = {
    ...(plan.csvRows ? { csvRows: new BatchBytes(bytes.length + (bytes.length >> 2)) } : {}),
    ...(plan.leafHashes ? { leafHashes: new BatchBytes(bytes.length >> 2) } : {}),
  };
  let previous: PreparedLine | undefined;
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    const line = bytes.subarray(start, end);
    previous = prepareLine(line, newline === -1, previous, plan, pieces);
    prepared.push(previous);
    start = end + 1;
  }
  return {
    lines: prepared,
    ...(pieces.csvRows === undefined ? {} : { csvRows: pieces.csvRows.written() }),
    ...(pieces.leafHashes === undefined ? {} : { leafHashes: pieces.leafHashes.written() }),
  };
}

function prepareLine(
  bytes: Buffer,
  cut: boolean,
  previous: PreparedLine | undefined,
  plan: PreparePlan,
  pieces: BatchPieces,
): PreparedLine {
  if (bytes.length > plan.maxLineBytes) return { kind: 'overlong' };
  if (cut) return { kind: 'cut', ...hint(bytes) };
  // Event lines start with their position: only lines that start otherwise are read as proofs or the trailer.
  if (bytes.subarray(0, 12).toString('latin1') !== '{"position":') {
    let other;
    try {
      other = parseProofLine(utf8.decode(bytes));
    } catch (error) {
      return { kind: 'malformed', reason: (error as Error).message };
    }
    if (other?.kind === 'trailer') return { kind: 'trailer', trailer: other.trailer };
    if (other?.kind === 'inclusionProof') return proofOf(other.proof, previous, plan.checkpoint);
  }
  const parsed = parseEventLine(bytes);
  if ('reason' in parsed) return { kind: 'malformed', ...hint(bytes), reason: parsed.reason };
  const { event } = parsed;
  const { csvRows, leafHashes } = pieces;
  // Its hash and its CSV row share the payloads' canonical texts, computed once.
  const recomputed = recomputeEvent(event);
  return {
    kind: 'event',
    event: walked(event),
    recomputedHash: recomputed.hash,
    ...(csvRows === undefined ? {} : { csvRow: csvRows.addText(csvLineFromTexts(event, recomputed)) }),
    ...(leafHashes === undefined || !isHashHex(event.hash)
      ? {}
      : { leafHash: leafHashes.addBytes(leafHashOf(event.hash)) }),
  };
}

/** The event without the payload its hash already vouched for, unless a seal's data must still be read. */
function walked({ data, metadata: _metadata, ...event }: StoredEvent): WalkedEvent {
  return event.type === SEAL_EVENT_TYPE ? { ...event, data } : event;
}

function hint(bytes: Buffer): { position?: string } {
  const position = positionHint(bytes);
  return position === undefined ? {} : { position };
}

/** A proof checked against the event of the line before it, when that line is an event of this batch. */
function proofOf(proof: EventInclusionProof, previous: PreparedLine | undefined, tree: ProvenTree | undefined) {
  if (previous?.kind !== 'event' || tree === undefined) return { kind: 'proof' as const, proof };
  const forHash = previous.event.hash;
  const holds = verifyInclusion(forHash, proof.leafIndex, tree.size, hexHashes(proof.proof), tree.root);
  return { kind: 'proof' as const, proof, included: { forHash, holds } };
}
