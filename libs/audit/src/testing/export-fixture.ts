import {
  computeEventHash,
  canonicalJson,
  GENESIS_HASH,
  SqliteEventStore,
  type StoredEvent,
} from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';
import type { StoredCheckpoint } from '../checkpoint/checkpoint-store';
import { consistencyProofs } from '../export/bundle-manifest';
import { csvHeader, csvLine } from '../export/event-csv';
import { EXPORT_FORMAT, exportEventLine, type ChainAnchor, type ExportManifest } from '../export/export-format';
import { eventInclusionProof, exportTrailer, type ExportCheckpoint } from '../export/export-proofs';
import { ExportTally } from '../export/export-tally';
import {
  csvTrailerLine,
  inclusionProofLine,
  trailerLine,
  type EventInclusionProof,
  type ExportTrailer,
} from '../export/export-trailer';
import { textFile } from '../export/file-digest';
import { LogTreeBuilder, type LogTree } from '../merkle/log-tree';
import { MerkleAccumulator } from '../merkle/merkle-accumulator';
import { signSeal } from '../seal/seal-statement';
import { generateSigningKey, publicKeyFingerprint, publicKeyPem } from '../seal/signing';
import { signCheckpoint } from '../transparency/checkpoint-note';
import { ed25519NoteSigner } from '../transparency/ed25519-note-key';
import { positionHint } from '../verify/event-line';
import { verifyExport, type VerifyExportOptions, type ExportVerification } from '../verify/verify-export';
import { TEST_LOG_ORIGIN } from './bundle-file';
import { appendSealedLedger, type SealedLedger } from './sealed-ledger';

// Export files built the way the format says, straight from a sealed ledger, so that tests can then damage them.

/** The sealed ledger (see testing/sealed-ledger) in a SQLite file of its own, and the key that sealed it. */
export interface Ledger extends SealedLedger {
  readonly dir: string;
  readonly key: KeyObject;
  /** The public half of `key`, as an auditor holds it. */
  readonly pem: string;
  /** The position of the event at this index of the log, as exports write it. */
  at(index: number): string;
  dispose(): Promise<void>;
}

export async function buildLedger(): Promise<Ledger> {
  const scratch = scratchSqliteFile('verify');
  const store = new SqliteEventStore({ file: scratch.file });
  const key = generateSigningKey();
  try {
    const ledger = await appendSealedLedger(store, key);
    return {
      ...ledger,
      dir: scratch.dir,
      key,
      pem: publicKeyPem(key),
      at: (index) => ledger.events[index].position.toString(),
      dispose: async () => scratch.remove(),
    };
  } finally {
    await store.close();
  }
}

/** The ledger of a spec file: built before its tests run (the object is filled in then), removed after them. */
export function useLedger(): Ledger {
  const ledger = {} as Ledger;
  beforeAll(async () => Object.assign(ledger, await buildLedger()));
  afterAll(() => ledger.dispose());
  return ledger;
}

/** The files of an export, as text, before they are written: what tests damage. */
export interface ExportFiles {
  /** The event lines of events.ndjson, without inclusion proofs or trailer (see {@link ndjsonOf}). */
  readonly ndjson: string;
  /** A filtered export's inclusion proofs, by position: each is written after the line of its event. */
  readonly proofs: Readonly<Record<string, EventInclusionProof>>;
  /** The trailer ending events.ndjson; none is written when it is absent. */
  readonly trailer?: ExportTrailer;
  readonly manifest: ExportManifest;
  readonly others: Readonly<Record<string, string>>;
}

/**
 * events.ndjson as the exporter writes it: each event line, its inclusion proof after it, the trailer last. An event
 * text cut short (not ending in a newline) makes the file end there, as a cut file does.
 */
export function ndjsonOf(files: ExportFiles): string {
  const cut = files.ndjson !== '' && !files.ndjson.endsWith('\n');
  const lines = files.ndjson.split('\n');
  const last = lines.pop() as string;
  const written = lines.map((line) => {
    const proof = files.proofs[positionHint(Buffer.from(line)) ?? ''];
    return `${line}\n${proof === undefined ? '' : inclusionProofLine(proof)}`;
  });
  if (cut) return written.join('') + last;
  return written.join('') + (files.trailer === undefined ? '' : trailerLine(files.trailer));
}

export interface ExportChoice {
  /** Which events to export (default: all, an unfiltered export). */
  readonly only?: (event: StoredEvent) => boolean;
  readonly filters?: Readonly<Record<string, string>>;
  /** The key named in the manifest (default: the ledger's). */
  readonly key?: KeyObject;
}

/** The manifest's `files` for these contents: what an exporter writes, or a thorough forger rewrites. */
export function withDigests(files: ExportFiles): ExportFiles {
  const all = { 'events.ndjson': ndjsonOf(files), ...files.others };
  return {
    ...files,
    manifest: {
      ...files.manifest,
      files: Object.fromEntries(Object.entries(all).map(([n, t]) => [n, textFile(t).digest])),
    },
  };
}

/** The checkpoint of the whole ledger, signed as the instance signs it, and what proves an export against it. */
export function ledgerCheckpoint(ledger: Ledger, key: KeyObject = ledger.key): ExportCheckpoint {
  const log = new LogTreeBuilder();
  for (const event of ledger.events) log.append(event);
  const tree: LogTree = log.build();
  const signer = ed25519NoteSigner(TEST_LOG_ORIGIN, key);
  const root = tree.tree.root();
  const checkpoint: StoredCheckpoint = {
    treeSize: tree.tree.size,
    position: ledger.events.at(-1)?.position ?? 0n,
    root,
    note: signCheckpoint({ origin: TEST_LOG_ORIGIN, size: tree.tree.size, root }, [signer]),
    signedAt: '2022-04-01T08:00:00.000Z',
  };
  return { checkpoint, tree, seals: ledger.seals, signer };
}

export function exportLedger(ledger: Ledger, choice: ExportChoice = {}): ExportFiles {
  const filtered = choice.only !== undefined;
  const events = ledger.events.filter(choice.only ?? (() => true));
  const key = choice.key ?? ledger.key;
  const proven = ledgerCheckpoint(ledger, key);
  const seals = ledger.seals;
  const chainAnchors: Record<string, ChainAnchor> = {};
  const proofs: Record<string, EventInclusionProof> = {};
  const tally = new ExportTally();
  for (const event of events) {
    chainAnchors[event.streamId] ??= { revision: event.revision.toString(), prevHash: event.prevHash };
    if (filtered) proofs[event.position.toString()] = eventInclusionProof(proven, event.position);
    tally.see(event);
  }
  const exportedAt = '2022-04-01T08:00:00.000Z';
  const filters = choice.filters ?? {};
  const trailer = exportTrailer(proven, { exportedAt, filters }, tally);
  const others = {
    'events.csv': csvHeader() + events.map(csvLine).join('') + csvTrailerLine(trailer),
    'tableschema.json': '{"fields":[{"name":"position"},{"name":"hash"}]}\n',
    'README.md': '# Audit export\n\nVerify with `portfolio verify`.\n',
  };
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    exportedAt,
    filters,
    filtered,
    eventCount: events.length,
    firstPosition: events[0]?.position.toString() ?? null,
    lastPosition: events.at(-1)?.position.toString() ?? null,
    files: {},
    chainAnchors,
    publicKey: { algorithm: 'Ed25519', pem: publicKeyPem(key), fingerprint: publicKeyFingerprint(key) },
    seals,
    consistencyProofs: consistencyProofs(seals, proven.tree.tree),
  };
  return withDigests({ ndjson: events.map(exportEventLine).join(''), proofs, trailer, manifest, others });
}

let written = 0;

/** Writes the bundle zip, manifest last as the real exporter streams it: the verifier must not depend on order. */
export async function writeBundle(dir: string, files: ExportFiles, manifestText?: string): Promise<string> {
  const path = join(dir, `bundle-${(written += 1)}.zip`);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(ndjsonOf(files), 'utf8'), 'events.ndjson');
  for (const [name, text] of Object.entries(files.others)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.addBuffer(Buffer.from(manifestText ?? JSON.stringify(files.manifest, null, 2), 'utf8'), 'manifest.json');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** Writes the bundle and verifies it, by default as an auditor holding the ledger's public key. */
export async function verifyBundle(
  ledger: Ledger,
  files: ExportFiles,
  options: VerifyExportOptions = { publicKeyPem: ledger.pem },
): Promise<ExportVerification> {
  return verifyExport({ kind: 'bundle', path: await writeBundle(ledger.dir, files) }, options);
}

export async function writeNdjson(dir: string, text: string): Promise<string> {
  const path = join(dir, `events-${(written += 1)}.ndjson`);
  await writeFile(path, text, 'utf8');
  return path;
}

/** The events of an NDJSON text (its other lines left out), for tests to change and write back with {@link toNdjson}. */
export function fromNdjson(text: string): StoredEvent[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{"position":'))
    .map((line) => {
      const json = JSON.parse(line) as Record<string, unknown>;
      return {
        ...json,
        position: BigInt(json.position as string),
        revision: BigInt(json.revision as string),
      } as StoredEvent;
    });
}

export function toNdjson(events: readonly StoredEvent[]): string {
  return events.map(exportEventLine).join('');
}

/** Changes the events of events.ndjson and leaves the manifest as exported, digests included. */
export function withEvents(files: ExportFiles, change: (events: StoredEvent[]) => StoredEvent[]): ExportFiles {
  return { ...files, ndjson: toNdjson(change(fromNdjson(files.ndjson))) };
}

/**
 * What a forger who knows the format does after changing events: renumber each stream's revisions and recompute
 * every chain, so that each hash is its content's again; with `reseal`, also re-root every seal over the forged log,
 * signing with the given key or, lacking the instance's, keeping the old signature. Only signatures stand in the way.
 */
export function rechain(
  events: readonly StoredEvent[],
  options: {
    readonly anchors?: Readonly<Record<string, ChainAnchor>>;
    readonly reseal?: KeyObject | 'keep-signature';
  } = {},
): StoredEvent[] {
  const tips = new Map<string, { revision: bigint; hash: string }>();
  const tree = new MerkleAccumulator();
  let previous: StoredEvent | undefined;
  return events.map((original) => {
    let event = original;
    if (options.reseal !== undefined && event.type === 'ReviewCycleHeld' && previous !== undefined) {
      const { cycleId, heldOn, signature } = event.data as { cycleId: string; heldOn: string; signature: string };
      const fields = {
        cycleId,
        heldOn,
        sealedPosition: previous.position.toString(),
        eventCount: tree.size,
        merkleRoot: tree.root(),
      };
      const signed = options.reseal === 'keep-signature' ? signature : signSeal(options.reseal, fields);
      event = { ...event, data: { ...event.data, ...fields, signature: signed } };
    }
    const tip = tips.get(event.streamId);
    const anchor = options.anchors?.[event.streamId];
    const revision = tip === undefined ? BigInt(anchor?.revision ?? '0') : tip.revision + 1n;
    const prevHash = tip?.hash ?? anchor?.prevHash ?? GENESIS_HASH;
    const hash = computeEventHash({
      ...event,
      revision,
      prevHash,
      canonicalData: canonicalJson(event.data),
      canonicalMetadata: canonicalJson(event.metadata),
    });
    tips.set(event.streamId, { revision, hash });
    tree.append(hash);
    previous = { ...event, revision, prevHash, hash };
    return previous;
  });
}
