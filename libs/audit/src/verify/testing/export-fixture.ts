import {
  computeEventHash,
  canonicalJson,
  GENESIS_HASH,
  SqliteEventStore,
  type JsonObject,
  type StoredEvent,
} from '@portfolio/event-store';
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import {
  EXPORT_FORMAT,
  exportEventLine,
  type ChainAnchor,
  type ExportFileDigest,
  type ExportInclusionProof,
  type ExportManifest,
  type ExportSeal,
} from '../../export-format';
import { consistencyProof, inclusionProof, MerkleAccumulator } from '../../merkle';
import { signSeal } from '../../seal';
import { generateSigningKey, publicKeyFingerprint, publicKeyPem } from '../../signing';

// A small exporter for tests: a real SQLite store gives real positions and hashes, seals are signed with a key
// generated here, and the export files are built the way the format says, so that tests can then damage them.

/** A log with two review cycles and a few events after the last one. */
export interface Ledger {
  readonly dir: string;
  readonly key: KeyObject;
  readonly events: readonly StoredEvent[];
  readonly seals: readonly ExportSeal[];
  dispose(): Promise<void>;
}

const actor = { id: 'agent-1', name: 'Camille Martin', role: 'programme-office', organisation: 'DINUM' };

function newEvent(type: string, data: JsonObject) {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata: { actor, commandId: randomUUID() } };
}

async function hold(store: SqliteEventStore, key: KeyObject, cycleId: string, heldOn: string): Promise<void> {
  const tree = new MerkleAccumulator();
  let head = 0n;
  for await (const event of store.readAll()) {
    tree.append(event.hash);
    head = event.position;
  }
  const fields = { cycleId, heldOn, sealedPosition: head.toString(), eventCount: tree.size, merkleRoot: tree.root() };
  const data = { ...fields, title: `CITP ${heldOn}`, signature: signSeal(key, fields) };
  await store.append(`review-cycle-${cycleId}`, [newEvent('ReviewCycleHeld', data)], 'no_stream');
}

export async function buildLedger(): Promise<Ledger> {
  const dir = await mkdtemp(join(tmpdir(), 'portfolio-verify-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const key = generateSigningKey();
  const measure = (projectId: string, value: number, period: string) =>
    newEvent('IndicatorMeasured', {
      projectId,
      indicatorId: 'users',
      value,
      period,
      territory: { level: 'national', code: 'FR' },
    });
  const launch = (projectId: string, title: string) =>
    newEvent('ProjectLaunched', { projectId, missionCode: 'IDNUM', title, launchedOn: '2021-03-01' });
  try {
    await store.append(
      'mission-IDNUM',
      [newEvent('MissionDefined', { missionCode: 'IDNUM', name: 'Identité numérique' })],
      'no_stream',
    );
    await store.append('project-franceconnect', [launch('franceconnect', 'FranceConnect')], 'no_stream');
    await store.append('project-hubee', [launch('hubee', 'Hubee')], 'no_stream');
    await store.append('project-franceconnect', [measure('franceconnect', 28_000_000, '2021-06-30')], 0n);
    await store.append(
      'project-hubee',
      [newEvent('MilestoneReached', { projectId: 'hubee', milestoneId: 'pilot', reachedOn: '2021-06-15' })],
      0n,
    );
    await store.append('project-franceconnect', [measure('franceconnect', 30_500_000, '2021-09-30')], 1n);
    await hold(store, key, 'citp-2021-s2', '2021-10-05');
    await store.append('project-hubee', [measure('hubee', 120, '2021-12-31')], 1n);
    await store.append('project-vitam', [launch('vitam', 'Vitam')], 'no_stream');
    await store.append('project-franceconnect', [measure('franceconnect', 33_000_000, '2021-12-31')], 2n);
    await hold(store, key, 'citp-2022-s1', '2022-02-15');
    await store.append(
      'project-franceconnect',
      [newEvent('MilestoneReached', { projectId: 'franceconnect', milestoneId: 'plus', reachedOn: '2022-03-01' })],
      3n,
    );
    await store.append('project-vitam', [measure('vitam', 12, '2022-03-31')], 0n);
    const events: StoredEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    const seals = events
      .filter((event) => event.type === 'ReviewCycleHeld')
      .map((event) => {
        const { cycleId, heldOn, sealedPosition, eventCount, merkleRoot, signature } = event.data;
        return {
          cycleId,
          heldOn,
          sealedPosition,
          eventCount,
          merkleRoot,
          signature,
          position: event.position.toString(),
        } as ExportSeal;
      });
    return { dir, key, events, seals, dispose: () => rm(dir, { recursive: true, force: true }) };
  } finally {
    await store.close();
  }
}

/** The files of an export, as text, before they are written: what tests damage. */
export interface ExportFiles {
  readonly ndjson: string;
  readonly manifest: ExportManifest;
  readonly others: Readonly<Record<string, string>>;
}

export interface ExportChoice {
  /** Which events to export (default: all, an unfiltered export). */
  readonly only?: (event: StoredEvent) => boolean;
  readonly filters?: Readonly<Record<string, string>>;
  /** The key named in the manifest (default: the ledger's). */
  readonly key?: KeyObject;
}

export function digest(text: string): ExportFileDigest {
  const bytes = Buffer.from(text, 'utf8');
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** The manifest's `files` for these contents: what an exporter writes, or a thorough forger rewrites. */
export function withDigests(files: ExportFiles): ExportFiles {
  const all = { 'events.ndjson': files.ndjson, ...files.others };
  return {
    ...files,
    manifest: { ...files.manifest, files: Object.fromEntries(Object.entries(all).map(([n, t]) => [n, digest(t)])) },
  };
}

export function exportLedger(ledger: Ledger, choice: ExportChoice = {}): ExportFiles {
  const filtered = choice.only !== undefined;
  const events = ledger.events.filter(choice.only ?? (() => true));
  const leaves = ledger.events.map((event) => event.hash);
  const leafIndex = new Map(ledger.events.map((event, i) => [event.position, i]));
  const seals = ledger.seals;
  const lastSealed = BigInt(seals[seals.length - 1].sealedPosition);
  const chainAnchors: Record<string, ChainAnchor> = {};
  const inclusionProofs: ExportInclusionProof[] = [];
  for (const event of events) {
    chainAnchors[event.streamId] ??= { revision: event.revision.toString(), prevHash: event.prevHash };
    if (!filtered || event.position > lastSealed) continue;
    const seal = seals.find((s) => BigInt(s.sealedPosition) >= event.position) as ExportSeal;
    const index = leafIndex.get(event.position) as number;
    inclusionProofs.push({
      position: event.position.toString(),
      leafIndex: index,
      cycleId: seal.cycleId,
      treeSize: seal.eventCount,
      proof: inclusionProof(leaves.slice(0, seal.eventCount), index),
    });
  }
  const key = choice.key ?? ledger.key;
  const ndjson = events.map(exportEventLine).join('');
  const others = {
    'events.csv': ['position,hash', ...events.map((e) => `${e.position},${e.hash}`)].join('\n') + '\n',
    'tableschema.json': '{"fields":[{"name":"position"},{"name":"hash"}]}\n',
    'README.md': '# Audit export\n\nVerify with `portfolio verify`.\n',
  };
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    exportedAt: '2022-04-01T08:00:00.000Z',
    filters: choice.filters ?? {},
    filtered,
    eventCount: events.length,
    firstPosition: events[0]?.position.toString() ?? null,
    lastPosition: events.at(-1)?.position.toString() ?? null,
    files: {},
    chainAnchors,
    publicKey: { algorithm: 'Ed25519', pem: publicKeyPem(key), fingerprint: publicKeyFingerprint(key) },
    seals,
    consistencyProofs: seals.slice(1).map((seal, i) => ({
      fromCycleId: seals[i].cycleId,
      toCycleId: seal.cycleId,
      fromSize: seals[i].eventCount,
      toSize: seal.eventCount,
      proof: consistencyProof(leaves, seals[i].eventCount, seal.eventCount),
    })),
    inclusionProofs: filtered ? inclusionProofs : [],
  };
  return withDigests({ ndjson, manifest, others });
}

let written = 0;

/** Writes the bundle zip, manifest last as the real exporter streams it: the verifier must not depend on order. */
export async function writeBundle(dir: string, files: ExportFiles, manifestText?: string): Promise<string> {
  const path = join(dir, `bundle-${(written += 1)}.zip`);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(files.ndjson, 'utf8'), 'events.ndjson');
  for (const [name, text] of Object.entries(files.others)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.addBuffer(Buffer.from(manifestText ?? JSON.stringify(files.manifest, null, 2), 'utf8'), 'manifest.json');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

export async function writeNdjson(dir: string, text: string): Promise<string> {
  const path = join(dir, `events-${(written += 1)}.ndjson`);
  await writeFile(path, text, 'utf8');
  return path;
}

/** The events of an NDJSON text, for tests to change and write back with {@link toNdjson}. */
export function fromNdjson(text: string): StoredEvent[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
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
