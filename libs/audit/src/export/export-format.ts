import { storedEventToJson, type CanonicalStoredEvent, type StoredEvent } from '@portfolio/event-store';
import type { RecordedSeal } from '../seal/seal';
import { EXPORT_FORMAT_V2 } from './export-trailer';

// The audit export, version 2 (ARCHITECTURE §6, §8, docs/audit-format.md §5): what the exporter writes and the
// offline verifier reads. Both sides import these definitions (and export-trailer's), so a change to the format is a
// change to these files. Version 1 (no trailer, inclusion proofs in the manifest) is no longer read.

/** The manifest's format: the same version as the trailers of its events.ndjson and events.csv. */
export const EXPORT_FORMAT = EXPORT_FORMAT_V2;

/** What an export can be: the events alone (NDJSON or CSV), or the bundle an auditor verifies offline. */
export type ExportFormat = 'ndjson' | 'csv' | 'bundle';

/** The entries of a bundle zip. */
export const EXPORT_FILES = {
  events: 'events.ndjson',
  csv: 'events.csv',
  tableSchema: 'tableschema.json',
  manifest: 'manifest.json',
  readme: 'README.md',
} as const;

/**
 * One line of events.ndjson, newline included. The exact form matters: the verifier re-serialises each event and
 * compares, so that bytes the hash does not cover (whitespace, key order, the position) cannot change unnoticed.
 */
export function exportEventLine(event: StoredEvent | CanonicalStoredEvent): string {
  if (!('dataText' in event) || !writtenAsParsed(event.dataText) || !writtenAsParsed(event.metadataText)) {
    return `${JSON.stringify(storedEventToJson(event))}\n`;
  }
  // The same line from the stored texts, without parsing and serialising each payload again: the keys of
  // storedEventToJson in its order, each value as JSON.stringify writes it.
  const { streamId, eventId, type, schemaVersion, recordedAt, prevHash, hash } = event;
  return (
    `{"position":"${event.position}","streamId":${JSON.stringify(streamId)},"revision":"${event.revision}",` +
    `"eventId":${JSON.stringify(eventId)},"type":${JSON.stringify(type)},"schemaVersion":${JSON.stringify(schemaVersion)},` +
    `"data":${event.dataText},"metadata":${event.metadataText},"recordedAt":${JSON.stringify(recordedAt)},` +
    `"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}\n`
  );
}

/** A key that is a string of digits, anywhere in a JSON text. */
const DIGITS_KEY = /"\d+":/;

/**
 * Whether JSON.stringify writes a canonical payload text back unchanged once parsed. Canonical JSON is JSON.stringify
 * with keys in code unit order, and parsing keeps the text's order, except that an object lists its integer-like keys
 * first, in numeric order ("9" before "10"). So a text with no key of digits is written back as it is; one with
 * such a key (or with a string value that merely looks like one) takes the parse and serialise path.
 */
function writtenAsParsed(canonicalText: string): boolean {
  return !DIGITS_KEY.test(canonicalText);
}

/** Digest of one file of the bundle. */
export interface ExportFileDigest {
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  readonly sha256: string;
  readonly bytes: number;
}

/** Where a stream's chain resumes in a filtered export: what its first exported event must follow. */
export interface ChainAnchor {
  /** Revision of the stream's first exported event, in decimal. */
  readonly revision: string;
  /** That event's prevHash: 64 zeros when the export starts at revision 0. */
  readonly prevHash: string;
}

export interface ExportPublicKey {
  readonly algorithm: 'Ed25519';
  /** SPKI PEM. */
  readonly pem: string;
  /** `sha256:<hex>` over the SPKI DER (see publicKeyFingerprint). */
  readonly fingerprint: string;
}

/** RFC 9162 consistency proof: the tree of `fromCycleId` is a prefix of the tree of `toCycleId`. */
export interface ExportConsistencyProof {
  readonly fromCycleId: string;
  readonly toCycleId: string;
  readonly fromSize: number;
  readonly toSize: number;
  readonly proof: readonly string[];
}

/** manifest.json of a bundle. */
export interface ExportManifest {
  readonly format: typeof EXPORT_FORMAT;
  /** ISO-8601 instant. */
  readonly exportedAt: string;
  /** The query that selected the events, as given (empty for a full export). */
  readonly filters: Readonly<Record<string, string>>;
  /**
   * Whether some events of the log were left out. A full export lets the verifier recompute every seal's root and
   * the checkpoint's; a filtered one carries anchors, and inclusion proofs in events.ndjson, instead.
   */
  readonly filtered: boolean;
  readonly eventCount: number;
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  /** Every other file of the bundle, by name (manifest.json cannot digest itself). */
  readonly files: Readonly<Record<string, ExportFileDigest>>;
  /** By stream id; used by filtered exports only, a full export chains every stream from genesis. */
  readonly chainAnchors: Readonly<Record<string, ChainAnchor>>;
  readonly publicKey: ExportPublicKey;
  /** Every seal known at export time, ordered by sealedPosition. */
  readonly seals: readonly RecordedSeal[];
  /** One per pair of successive seals. */
  readonly consistencyProofs: readonly ExportConsistencyProof[];
}

/**
 * Filters (as the exporter names them) that select whole streams (a project; a mission with its projects) or a
 * contiguous stretch of the log (a range of positions or of recording times), so that every exported stream is a
 * run of consecutive revisions: under these alone the verifier requires unbroken chains. Any other filter (an event
 * type, an actor) can leave holes inside a stream, which the verifier has to accept, since nothing in the export can
 * prove what a hole held; the inclusion proofs still vouch for each event that is there.
 */
export const GAP_FREE_FILTERS: ReadonlySet<string> = new Set([
  'projectId',
  'missionCode',
  'recordedFrom',
  'recordedTo',
  'fromPosition',
  'toPosition',
]);
