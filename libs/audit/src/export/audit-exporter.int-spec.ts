import { GENESIS_HASH, type EventStore, type ReadAllOptions } from '@portfolio/event-store';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Checkpointer } from '../checkpoint/checkpointer';
import { CheckpointRefusedError } from '../checkpoint/checkpoint-refused-error';
import { verifyConsistency, verifyInclusion } from '../merkle/merkle-proofs';
import { generateSigningKey, publicKeyFingerprint, publicKeyPem } from '../seal/signing';
import { TEST_LOG_ORIGIN, testExporter } from '../testing/bundle-file';
import { MemoryCheckpointStore } from '../testing/memory-checkpoint-store';
import { newEvent, appendSealedLedger, type SealedLedger } from '../testing/sealed-ledger';
import { openTestStore, rewriteEvent, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { parseCheckpoint } from '../transparency/checkpoint';
import { parseNote } from '../transparency/signed-note';
import { BundleZip } from '../verify/bundle-zip';
import { verifyExport } from '../verify/verify-export';
import type { AuditExporter } from './audit-exporter';
import { AUDITOR_README } from './auditor-readme';
import { csvHeader, csvLine } from './event-csv';
import { EXPORT_FILES, exportEventLine, type ExportManifest } from './export-format';
import type { EventSelection, EventSelector } from './export-plan';
import {
  CSV_TRAILER_PREFIX,
  hexHashes,
  parseExportStatement,
  parseProofLine,
  type ExportTrailer,
} from './export-trailer';
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
  let checkpoints: MemoryCheckpointStore;
  let dir: string;
  const position = (index: number): string => ledger.events[index].position.toString();

  beforeEach(async () => {
    test = await openTestStore(kind);
    ledger = await appendSealedLedger(test.store, key);
    checkpoints = new MemoryCheckpointStore();
    exporter = exporterOf(checkpoints);
    dir = await mkdtemp(join(tmpdir(), 'portfolio-export-'));
  });
  afterEach(async () => {
    await test.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  function exporterOf(
    store: MemoryCheckpointStore,
    latestCosigned?: () => Promise<{ treeSize: number; note: string }>,
  ) {
    const checkpointer = new Checkpointer(test.store, store, { origin: TEST_LOG_ORIGIN, key, now });
    return testExporter(test.store, key, { selector: projectSelector(test.store), checkpointer, latestCosigned });
  }

  /** The events lines of an NDJSON export, and its trailer, read back. */
  function splitNdjson(text: string): { events: string[]; proofs: string[]; trailer: ExportTrailer } {
    const lines = text.split('\n').slice(0, -1);
    const last = parseProofLine(lines.at(-1) ?? '');
    if (last?.kind !== 'trailer') throw new Error('the export does not end with its trailer');
    const body = lines.slice(0, -1);
    return {
      events: body.filter((line) => line.startsWith('{"position":')),
      proofs: body.filter((line) => line.startsWith('{"inclusionProof":')),
      trailer: last.trailer,
    };
  }

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

  it('plans an export up to the head its checkpoint signs now, named by its time and its filters', async () => {
    const plan = await exporter.plan({});
    expect(plan.proven.checkpoint).toMatchObject({ treeSize: 13, position: ledger.events[12].position });
    expect(await checkpoints.latest()).toEqual(plan.proven.checkpoint);
    expect(plan).toMatchObject({
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

  it('exports NDJSON and CSV up to the head the plan fixed, not what was appended since, each with its trailer', async () => {
    const plan = await exporter.plan({});
    await test.store.append('project-vitam', [newEvent('IndicatorMeasured', { projectId: 'vitam', value: 13 })], 1n);
    const ndjson = splitNdjson(await text(exporter.ndjson(plan)));
    expect(ndjson.events.map((line) => `${line}\n`)).toEqual(ledger.events.map(exportEventLine));
    expect(ndjson.proofs).toEqual([]);
    const statement = parseExportStatement(parseNote(ndjson.trailer.statement).text);
    expect(statement).toMatchObject({ treeSize: 13, eventCount: 13, filters: {}, sealCount: 2 });
    expect(ndjson.trailer.checkpoint).toBe(plan.proven.checkpoint.note);
    expect(ndjson.trailer.sealProofs.map((p) => [p.cycleId, p.treeSize])).toEqual(
      ledger.seals.map((seal) => [seal.cycleId, seal.eventCount]),
    );

    const csv = await text(exporter.csv(plan));
    const rows = csvHeader() + ledger.events.map(csvLine).join('');
    expect(csv.startsWith(rows)).toBe(true);
    const trailerLine = csv.slice(rows.length);
    expect(trailerLine).toMatch(/^#exportTrailer:[A-Za-z0-9+/=]+\n$/);
    const csvTrailer = JSON.parse(
      Buffer.from(trailerLine.slice(CSV_TRAILER_PREFIX.length), 'base64').toString('utf8'),
    ) as ExportTrailer;
    // Ed25519 signatures are deterministic: the same events, the same statement, the same trailer.
    expect(csvTrailer).toEqual(ndjson.trailer);
  });

  it('exports an empty log with a checkpoint of size 0, signed but not stored, and it verifies', async () => {
    const empty = await openTestStore(kind);
    try {
      const store = new MemoryCheckpointStore();
      const checkpointer = new Checkpointer(empty.store, store, { origin: TEST_LOG_ORIGIN, key, now });
      const emptyExporter = testExporter(empty.store, key, { checkpointer });
      const plan = await emptyExporter.plan({});
      expect(plan.head).toBe(0n);
      expect(parseCheckpoint(parseNote(plan.proven.checkpoint.note).text)).toMatchObject({ size: 0 });
      expect(await store.latest()).toBeUndefined();
      const path = join(dir, 'empty.ndjson');
      await pipeline(emptyExporter.ndjson(plan), createWriteStream(path));
      expect(await verifyExport({ kind: 'ndjson', path }, { publicKeyPem: publicKeyPem(key) })).toMatchObject({
        ok: true,
        verdict: 'intact',
        eventsChecked: 0,
      });
    } finally {
      await empty.dispose();
    }
  });

  it('refuses to plan an export once the log no longer extends its checkpoint, before writing a byte', async () => {
    await exporter.plan({});
    await rewriteEvent(test, ledger.events[3], { value: 1 });
    const rereading = exporterOf(checkpoints);
    await expect(rereading.plan({})).rejects.toBeInstanceOf(CheckpointRefusedError);
    await expect(rereading.plan({})).rejects.toMatchObject({ code: 'checkpoint_mismatch' });
  });

  it('names the latest witnessed checkpoint, proven a prefix of the export’s', async () => {
    const first = await exporter.plan({});
    await test.store.append('project-vitam', [newEvent('IndicatorMeasured', { projectId: 'vitam', value: 13 })], 1n);
    const witnessed = { treeSize: 13, note: first.proven.checkpoint.note };
    const later = exporterOf(checkpoints, () => Promise.resolve(witnessed));
    const path = join(dir, 'witnessed.ndjson');
    await pipeline(later.ndjson(await later.plan({})), createWriteStream(path));
    const result = await verifyExport({ kind: 'ndjson', path }, { publicKeyPem: publicKeyPem(key) });
    expect(result).toMatchObject({ ok: true, eventsChecked: 14, trailer: { witnessed: { size: 13 } } });
    expect(result.trailer?.trailer.witnessed?.checkpoint).toBe(first.proven.checkpoint.note);
  });

  it('exports the whole log as a bundle: files, digests, seals and proofs the offline verifier accepts', async () => {
    const { path, entries, manifest } = await bundleOf({});
    const plan = await exporter.plan({});
    expect(entries[EXPORT_FILES.events]).toBe(await text(exporter.ndjson(plan)));
    expect(entries[EXPORT_FILES.csv]).toBe(await text(exporter.csv(plan)));
    expect(entries[EXPORT_FILES.readme]).toBe(AUDITOR_README);
    expect(JSON.parse(entries[EXPORT_FILES.tableSchema])).toMatchObject({ dialect: { commentChar: '#' } });
    expect(manifest).not.toHaveProperty('inclusionProofs');
    expect(manifest).toMatchObject({
      format: 'portfolio-ledger/export/v2',
      exportedAt: '2022-04-01T08:00:00.000Z',
      filters: {},
      filtered: false,
      eventCount: 13,
      firstPosition: position(0),
      lastPosition: position(12),
      publicKey: { algorithm: 'Ed25519', pem: publicKeyPem(key), fingerprint: publicKeyFingerprint(key) },
      seals: ledger.seals,
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
      proofsChecked: 3,
      unsealedEvents: 3,
    });
  });

  it('reads the log once for a bundle, its NDJSON and its CSV coming from the same pass', async () => {
    const plan = await exporter.plan({});
    const reads: ReadAllOptions[] = [];
    for (const method of ['readAll', 'readAllCanonical'] as const) {
      const read = test.store[method].bind(test.store);
      jest.spyOn(test.store, method).mockImplementation((options = {}) => {
        reads.push(options);
        return read(options);
      });
    }
    const path = join(dir, 'one-pass.zip');
    await pipeline(exporter.bundle(plan), createWriteStream(path));
    expect(reads).toEqual([expect.objectContaining({ to: plan.head })]);
    expect(await verifyExport({ kind: 'bundle', path }, { publicKeyPem: publicKeyPem(key) })).toMatchObject({
      ok: true,
      eventsChecked: 13,
    });
  });

  it('leaves no temporary file behind when the reader of a bundle goes away before its end', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A selection whose read stalls after its first event: the reader goes away while the pass is under way.
    const stalling: EventSelector = {
      select: ({ actor = '' }) => ({
        filters: { actor },
        async *events(upTo) {
          for await (const event of test.store.readAll({ to: upTo })) {
            yield event;
            await held;
          }
        },
      }),
    };
    const checkpointer = new Checkpointer(test.store, checkpoints, { origin: TEST_LOG_ORIGIN, key, now });
    const stalled = testExporter(test.store, key, { selector: stalling, checkpointer });
    const plan = await stalled.plan({ actor: randomUUID() });
    // The spool is in the system's temporary directory, named after the export.
    const spools = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(plan.baseName));
    const bundle = stalled.bundle(plan);
    while ((await spools()).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    bundle.destroy();
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await spools()).toEqual([]);
  });

  it('exports one project as a filtered bundle, each event followed by its inclusion proof in the checkpoint', async () => {
    const { path, entries, manifest } = await bundleOf({ projectId: 'franceconnect' });
    const project = [1, 3, 5, 9, 11].map((index) => ledger.events[index]);
    const ndjson = splitNdjson(entries[EXPORT_FILES.events]);
    expect(ndjson.events.map((line) => `${line}\n`)).toEqual(project.map(exportEventLine));
    expect(manifest).toMatchObject({
      filters: { projectId: 'franceconnect' },
      filtered: true,
      eventCount: 5,
      chainAnchors: { 'project-franceconnect': { revision: '0', prevHash: GENESIS_HASH } },
    });
    const checkpoint = parseCheckpoint(parseNote(ndjson.trailer.checkpoint).text);
    const lines = entries[EXPORT_FILES.events].split('\n');
    project.forEach((event, i) => {
      const parsed = parseProofLine(lines[2 * i + 1]);
      if (parsed?.kind !== 'inclusionProof') throw new Error(`no inclusion proof after event ${i}`);
      const { leafIndex, proof } = parsed.proof;
      expect(leafIndex).toBe([1, 3, 5, 9, 11][i]);
      expect(verifyInclusion(event.hash, leafIndex, checkpoint.size, hexHashes(proof), checkpoint.root)).toBe(true);
    });
    expect(await verifyExport({ kind: 'bundle', path }, { publicKeyPem: publicKeyPem(key) })).toMatchObject({
      ok: true,
      eventsChecked: 5,
      filtered: true,
      // 5 events, 1 between the seals, 2 from the seals to the checkpoint.
      proofsChecked: 8,
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
