import { GENESIS_HASH, type EventStore } from '@portfolio/event-store';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { verifyConsistency, verifyInclusion } from '../merkle/merkle-proofs';
import { generateSigningKey, publicKeyFingerprint, publicKeyPem } from '../seal/signing';
import { newEvent, appendSealedLedger, type SealedLedger } from '../testing/sealed-ledger';
import { openTestStore, rewriteEvent, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { BundleZip } from '../verify/bundle-zip';
import { verifyExport } from '../verify/verify-export';
import { AuditExporter } from './audit-exporter';
import { AUDITOR_README } from './auditor-readme';
import { csvHeader, csvLine } from './event-csv';
import { EXPORT_FILES, exportEventLine, type ExportManifest } from './export-format';
import type { EventSelection, EventSelector } from './export-plan';
import { textFile } from './file-digest';

// The sealed ledger by index (position = index + 1): project-franceconnect at 1, 3, 5 (sealed by citp-2021-s2),
// 9 (by citp-2022-s1) and 11 (unsealed); 13 events in 6 streams.

const key = generateSigningKey();
const now = () => new Date('2022-04-01T08:00:00.000Z');

/**
 * Selects one project's stream, as the application's read models would. Without filters it refuses: a full export
 * must read the whole log from the store itself.
 */
function projectSelector(store: EventStore): EventSelector {
  return {
    select({ projectId }): EventSelection {
      if (projectId === undefined) {
        return { filters: {}, events: () => fail('a full export reads the store, not a selection') };
      }
      return {
        filters: { projectId },
        events: (upTo) => store.readStream(`project-${projectId}`, { toPosition: upTo }),
      };
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

async function text(chunks: AsyncIterable<Buffer | string>): Promise<string> {
  const buffers: Buffer[] = [];
  for await (const chunk of chunks) buffers.push(Buffer.from(chunk));
  return Buffer.concat(buffers).toString('utf8');
}

describe.each(TEST_STORE_KINDS)('AuditExporter on %s', (kind) => {
  let test: TestStore;
  let ledger: SealedLedger;
  let exporter: AuditExporter;
  let dir: string;
  const position = (index: number): string => ledger.events[index].position.toString();

  beforeEach(async () => {
    test = await openTestStore(kind);
    ledger = await appendSealedLedger(test.store, key);
    exporter = new AuditExporter(test.store, key, projectSelector(test.store), now);
    dir = await mkdtemp(join(tmpdir(), 'portfolio-export-'));
  });
  afterEach(async () => {
    await test.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes the bundle, then reads every entry back, as text. */
  async function bundleOf(filters: Record<string, string | undefined>) {
    const path = join(dir, 'bundle.zip');
    await pipeline(exporter.bundle(await exporter.plan(filters)), createWriteStream(path));
    const zip = await BundleZip.open(path);
    const entries: Record<string, string> = {};
    try {
      for (const name of Object.values(EXPORT_FILES)) entries[name] = await text(zip.read(name));
    } finally {
      zip.close();
    }
    return { path, entries, manifest: JSON.parse(entries[EXPORT_FILES.manifest]) as ExportManifest };
  }

  it('plans an export up to the head, named by its time and its filters', async () => {
    expect(await exporter.plan({})).toMatchObject({
      filters: {},
      filtered: false,
      head: ledger.events[12].position,
      exportedAt: '2022-04-01T08:00:00.000Z',
      baseName: 'portfolio-audit-20220401T080000Z',
    });
    expect(await exporter.plan({ projectId: 'franceconnect', type: undefined })).toMatchObject({
      filters: { projectId: 'franceconnect' },
      filtered: true,
      baseName: 'portfolio-audit-20220401T080000Z-projectId-franceconnect',
    });
  });

  it('exports NDJSON and CSV up to the head the plan fixed, not what was appended since', async () => {
    const plan = await exporter.plan({});
    await test.store.append('project-vitam', [newEvent('IndicatorMeasured', { projectId: 'vitam', value: 13 })], 1n);
    expect(await text(exporter.ndjson(plan))).toBe(ledger.events.map(exportEventLine).join(''));
    expect(await text(exporter.csv(plan))).toBe(csvHeader() + ledger.events.map(csvLine).join(''));
  });

  it('exports the whole log as a bundle: files, digests, seals and proofs the offline verifier accepts', async () => {
    const { path, entries, manifest } = await bundleOf({});
    expect(entries[EXPORT_FILES.events]).toBe(ledger.events.map(exportEventLine).join(''));
    expect(entries[EXPORT_FILES.readme]).toBe(AUDITOR_README);
    expect(manifest).toMatchObject({
      format: 'portfolio-ledger/export/v1',
      exportedAt: '2022-04-01T08:00:00.000Z',
      filters: {},
      filtered: false,
      eventCount: 13,
      firstPosition: position(0),
      lastPosition: position(12),
      publicKey: { algorithm: 'Ed25519', pem: publicKeyPem(key), fingerprint: publicKeyFingerprint(key) },
      seals: ledger.seals,
      inclusionProofs: [],
    });
    const names = Object.values(EXPORT_FILES).filter((name) => name !== EXPORT_FILES.manifest);
    expect(manifest.files).toEqual(Object.fromEntries(names.map((name) => [name, textFile(entries[name]).digest])));
    expect(Object.values(manifest.chainAnchors)).toEqual(Array(6).fill({ revision: '0', prevHash: GENESIS_HASH }));
    const [first, second] = ledger.seals;
    const [{ proof }] = manifest.consistencyProofs;
    expect(verifyConsistency(first.eventCount, second.eventCount, first.merkleRoot, second.merkleRoot, proof)).toBe(
      true,
    );
    expect(await verifyExport({ kind: 'bundle', path }, { publicKeyPem: publicKeyPem(key) })).toMatchObject({
      ok: true,
      eventsChecked: 13,
      sealsChecked: 2,
      proofsChecked: 1,
      unsealedEvents: 3,
    });
  });

  it('exports one project as a filtered bundle, each sealed event proven against the seal covering it', async () => {
    const { path, entries, manifest } = await bundleOf({ projectId: 'franceconnect' });
    const project = [1, 3, 5, 9, 11].map((index) => ledger.events[index]);
    expect(entries[EXPORT_FILES.events]).toBe(project.map(exportEventLine).join(''));
    expect(manifest).toMatchObject({
      filters: { projectId: 'franceconnect' },
      filtered: true,
      eventCount: 5,
      chainAnchors: { 'project-franceconnect': { revision: '0', prevHash: GENESIS_HASH } },
    });
    const seals = new Map(ledger.seals.map((seal) => [seal.cycleId, seal]));
    expect(manifest.inclusionProofs.map((p) => [p.position, p.cycleId])).toEqual([
      [position(1), 'citp-2021-s2'],
      [position(3), 'citp-2021-s2'],
      [position(5), 'citp-2021-s2'],
      [position(9), 'citp-2022-s1'],
    ]);
    for (const [i, p] of manifest.inclusionProofs.entries()) {
      const root = seals.get(p.cycleId)?.merkleRoot as string;
      expect(verifyInclusion(project[i].hash, p.leafIndex, p.treeSize, p.proof, root)).toBe(true);
    }
    expect(await verifyExport({ kind: 'bundle', path }, { publicKeyPem: publicKeyPem(key) })).toMatchObject({
      ok: true,
      eventsChecked: 5,
      filtered: true,
      proofsChecked: 5,
      unsealedEvents: 1,
    });
  });

  it('lists only the seals it can read, leaving a rehashed, malformed one for the verifier to report where it is', async () => {
    await rewriteEvent(test, ledger.events[10], { eventCount: 'ten' });
    const { path, manifest } = await bundleOf({});
    expect(manifest.seals).toEqual([ledger.seals[0]]);
    expect((await verifyExport({ kind: 'bundle', path }, { publicKeyPem: publicKeyPem(key) })).problem).toMatchObject({
      code: 'malformed_event',
      position: position(10),
    });
  });
});
