import { GENESIS_HASH } from '@portfolio/event-store';
import {
  EXPORT_FILES,
  EXPORT_FORMAT,
  type ChainAnchor,
  type ExportConsistencyProof,
  type ExportFileDigest,
  type ExportManifest,
} from '../export/export-format';
import { isHashHex } from '../hash-hex';
import { recordedSealFrom } from '../seal/recorded-seal';
import type { RecordedSeal } from '../seal/seal';

// The manifest is untrusted input like the rest of the export: every field is checked for shape here, so that the
// checks that follow compare values, never trip over a missing or mistyped one.

const DECIMAL = /^(0|[1-9]\d*)$/;

class ManifestError extends Error {}

type Json = Record<string, unknown>;

function record(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ManifestError(`${path} must be an object`);
  }
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ManifestError(`${path} must be an array`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ManifestError(`${path} must be a string`);
  return value;
}

function decimal(value: unknown, path: string): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw new ManifestError(`${path} must be a decimal string`);
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ManifestError(`${path} must be a non-negative integer`);
  }
  return value;
}

function hashHex(value: unknown, path: string): string {
  if (!isHashHex(value)) throw new ManifestError(`${path} must be 64 lowercase hex digits`);
  return value;
}

function hashes(value: unknown, path: string): string[] {
  return array(value, path).map((item, i) => hashHex(item, `${path}[${i}]`));
}

// Maps, not the parsed objects: a key such as "__proto__" or "constructor" must be data, never inherited behaviour.
function entries<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): Map<string, T> {
  return new Map(Object.entries(record(value, path)).map(([key, item]) => [key, read(item, `${path}.${key}`)]));
}

function fileDigest(value: unknown, path: string): ExportFileDigest {
  const item = record(value, path);
  return { sha256: hashHex(item.sha256, `${path}.sha256`), bytes: count(item.bytes, `${path}.bytes`) };
}

function chainAnchor(value: unknown, path: string): ChainAnchor {
  const item = record(value, path);
  const anchor = {
    revision: decimal(item.revision, `${path}.revision`),
    prevHash: hashHex(item.prevHash, `${path}.prevHash`),
  };
  if ((anchor.revision === '0') !== (anchor.prevHash === GENESIS_HASH)) {
    throw new ManifestError(`${path}: only revision 0 follows the genesis hash`);
  }
  return anchor;
}

function seal(value: unknown, path: string): RecordedSeal {
  const item = record(value, path);
  const parsed = recordedSealFrom(item, item.position);
  if (typeof parsed === 'string') throw new ManifestError(`${path}: ${parsed}`);
  return parsed;
}

function consistencyProof(value: unknown, path: string): ExportConsistencyProof {
  const item = record(value, path);
  return {
    fromCycleId: string(item.fromCycleId, `${path}.fromCycleId`),
    toCycleId: string(item.toCycleId, `${path}.toCycleId`),
    fromSize: count(item.fromSize, `${path}.fromSize`),
    toSize: count(item.toSize, `${path}.toSize`),
    proof: hashes(item.proof, `${path}.proof`),
  };
}

/** In order: each position strictly after the previous one. */
function assertIncreasing(positions: readonly string[], path: string): void {
  for (let i = 1; i < positions.length; i += 1) {
    if (BigInt(positions[i]) <= BigInt(positions[i - 1])) throw new ManifestError(`${path} must be in position order`);
  }
}

/** The manifest with its maps as Maps: what the verifier works from. */
export interface ParsedManifest extends Omit<ExportManifest, 'files' | 'chainAnchors' | 'filters'> {
  readonly filters: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, ExportFileDigest>;
  readonly chainAnchors: ReadonlyMap<string, ChainAnchor>;
}

function readManifest(text: string): ParsedManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError('manifest.json is not valid JSON');
  }
  const m = record(value, 'manifest');
  if (m.format !== EXPORT_FORMAT) throw new ManifestError(`format must be ${EXPORT_FORMAT}`);
  if (typeof m.filtered !== 'boolean') throw new ManifestError('filtered must be a boolean');
  const firstPosition = m.firstPosition === null ? null : decimal(m.firstPosition, 'firstPosition');
  const lastPosition = m.lastPosition === null ? null : decimal(m.lastPosition, 'lastPosition');
  const key = record(m.publicKey, 'publicKey');
  if (key.algorithm !== 'Ed25519') throw new ManifestError('publicKey.algorithm must be Ed25519');
  const seals = array(m.seals, 'seals').map((item, i) => seal(item, `seals[${i}]`));
  const manifest: ParsedManifest = {
    format: EXPORT_FORMAT,
    exportedAt: string(m.exportedAt, 'exportedAt'),
    filters: entries(m.filters, 'filters', string),
    filtered: m.filtered,
    eventCount: count(m.eventCount, 'eventCount'),
    firstPosition,
    lastPosition,
    files: entries(m.files, 'files', fileDigest),
    chainAnchors: entries(m.chainAnchors, 'chainAnchors', chainAnchor),
    publicKey: {
      algorithm: 'Ed25519',
      pem: string(key.pem, 'publicKey.pem'),
      fingerprint: string(key.fingerprint, 'publicKey.fingerprint'),
    },
    seals,
    consistencyProofs: array(m.consistencyProofs, 'consistencyProofs').map((item, i) =>
      consistencyProof(item, `consistencyProofs[${i}]`),
    ),
  };
  if (
    (manifest.eventCount === 0) !== (firstPosition === null) ||
    (firstPosition === null) !== (lastPosition === null)
  ) {
    throw new ManifestError('firstPosition and lastPosition must be null exactly when eventCount is 0');
  }
  // Without it, nothing would tie the events read to the manifest's description of them.
  if (!manifest.files.has(EXPORT_FILES.events)) throw new ManifestError(`files must list ${EXPORT_FILES.events}`);
  if (manifest.files.has(EXPORT_FILES.manifest)) throw new ManifestError('files cannot list manifest.json itself');
  assertIncreasing(
    seals.map((s) => s.sealedPosition),
    'seals',
  );
  if (new Set(seals.map((s) => s.cycleId)).size !== seals.length)
    throw new ManifestError('seals must have distinct cycleIds');
  return manifest;
}

/** The manifest, or why it is not a v2 manifest. */
export function parseManifest(text: string): { readonly manifest: ParsedManifest } | { readonly reason: string } {
  try {
    return { manifest: readManifest(text) };
  } catch (error) {
    if (error instanceof ManifestError) return { reason: error.message };
    throw error;
  }
}
