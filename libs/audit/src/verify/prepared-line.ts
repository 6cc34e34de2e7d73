import { recomputedEventHash, type JsonObject, type StoredEvent } from '@portfolio/event-store';
import { csvLine } from '../export/event-csv';
import { hexHashes, parseProofLine, type EventInclusionProof, type ExportTrailer } from '../export/export-trailer';
import { verifyInclusion } from '../merkle/merkle-proofs';
import { SEAL_EVENT_TYPE } from '../seal/seal';
import { parseEventLine, positionHint } from './event-line';
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
      /** Its row of events.csv as the exporter writes it, when a bundle's CSV is read in step. */
      readonly csvRow?: string;
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

/** What the lines are checked for: a filtered export's checkpoint, whether the CSV rows are wanted. */
export interface PreparePlan {
  readonly checkpoint?: ProvenTree;
  readonly csvRows: boolean;
  readonly maxLineBytes: number;
}

const NEWLINE = 0x0a;
// As event lines are decoded: invalid UTF-8 is a finding, and a BOM stays in the text for JSON.parse to reject.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Each line of the batch, in order, with what could be checked of it alone. */
export function prepareLines(batch: LineBatch, plan: PreparePlan): PreparedLine[] {
  const prepared: PreparedLine[] = [];
  const { bytes } = batch;
  let previous: PreparedLine | undefined;
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    const line = bytes.subarray(start, end);
    previous = prepareLine(line, newline === -1, previous, plan);
    prepared.push(previous);
    start = end + 1;
  }
  return prepared;
}

function prepareLine(bytes: Buffer, cut: boolean, previous: PreparedLine | undefined, plan: PreparePlan): PreparedLine {
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
  return {
    kind: 'event',
    event: walked(parsed.event),
    recomputedHash: recomputedEventHash(parsed.event),
    ...(plan.csvRows ? { csvRow: csvLine(parsed.event) } : {}),
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
