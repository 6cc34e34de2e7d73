import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { PassThrough, Readable, type TransformOptions } from 'node:stream';
import { createDeflateRaw, type ZlibOptions } from 'node:zlib';
import type { Checkpointer } from '../checkpoint/checkpointer';
import { recordedSeals } from '../seal/recorded-seals';
import { publicKeyFingerprint, publicKeyPem } from '../seal/signing';
import { AUDITOR_README } from './auditor-readme';
import { ManifestBuilder } from './bundle-manifest';
import { csvLines, CsvLines, exportChunks, ndjsonLines, NdjsonLines } from './event-lines';
import { EXPORT_FILES } from './export-format';
import { EXPORT_PAGE_SIZE, exportBaseName, type EventSelector, type ExportPlan } from './export-plan';
import { witnessedCheckpoint } from './export-proofs';
import { ExportTally, type TallyResult } from './export-tally';
import { textFile } from './file-digest';
import { SpoolFile } from './spool-file';
import { TextSink } from './text-sink';
import { ed25519NoteSigner } from '../transparency/ed25519-note-key';
import { eventsTableSchema } from './table-schema';
import { bufferEntry, ZipWriter } from './zip-writer';

/**
 * Deflate level of the bundle's files. zlib's default (6) made deflating most of a bundle's time; level 1 deflates
 * several times faster, for a zip about a fifth larger. Any level reads back the same.
 */
const BUNDLE_DEFLATE_LEVEL = 1;

/**
 * Bytes of events.ndjson waiting for the zip before the pass waits: a few chunks, so that the next chunk is made on
 * the main thread while zlib deflates the last ones on its own.
 */
const ENTRY_QUEUE_BYTES = 1024 * 1024;

/** The latest checkpoint witnesses cosigned, from the store of their cosignatures. */
export type LatestCosigned = () => Promise<{ readonly treeSize: number; readonly note: string } | undefined>;

/**
 * Exports the audit trail (ARCHITECTURE §8) as NDJSON, CSV or a bundle an auditor verifies offline: events, CSV,
 * TableSchema, a manifest with digests, chain anchors, seals and their consistency proofs, and the public key. Each
 * file of events ends with the trailer (docs/audit-format.md §5): the signed checkpoint of the log at the export's
 * head and a signed statement of what the export holds, so that it cannot be cut unnoticed. Events stream from the
 * store in pages whatever the size of the log; the only thing held in proportion to it is the checkpointer's tree.
 */
export class AuditExporter {
  constructor(
    private readonly store: EventStore,
    private readonly checkpointer: Checkpointer,
    /** The instance's key: the manifest names its public half; it signs the export statements as the checkpoints. */
    private readonly signingKey: KeyObject,
    private readonly selector: EventSelector,
    private readonly now: () => Date,
    private readonly latestCosigned?: LatestCosigned,
  ) {}

  /**
   * Fixes what an export covers: the log up to the head its checkpoint signs now. A filter the selector refuses,
   * or a checkpointer that refuses to sign (the log no longer extends its checkpoints), throws here, before any
   * byte is written.
   */
  async plan(filters: Readonly<Record<string, string | undefined>>): Promise<ExportPlan> {
    const selection = this.selector.select(filters);
    const exportedAt = this.now().toISOString();
    const { checkpoint, tree } = await this.checkpointer.checkpointHead();
    const head = checkpoint.position;
    // A ReviewCycleHeld event recording no valid seal is not listed: the verifier reports it where it sits.
    const { seals } = await recordedSeals(this.store, head);
    const witnessed = witnessedCheckpoint(await this.latestCosigned?.(), tree, checkpoint.treeSize);
    const signer = ed25519NoteSigner(this.checkpointer.origin, this.signingKey);
    const filtered = Object.keys(selection.filters).length > 0;
    return {
      filters: selection.filters,
      filtered,
      head,
      proven: { checkpoint, tree, seals, signer, ...(witnessed === undefined ? {} : { witnessed }) },
      exportedAt,
      baseName: exportBaseName(exportedAt, selection.filters),
      // Unfiltered, the export is the whole log read from the store itself: that is what its manifest promises.
      events: () =>
        filtered ? selection.events(head) : this.store.readAllCanonical({ to: head, batchSize: EXPORT_PAGE_SIZE }),
    };
  }

  ndjson(plan: ExportPlan): Readable {
    return Readable.from(ndjsonLines(plan));
  }

  csv(plan: ExportPlan): Readable {
    return Readable.from(csvLines(plan));
  }

  /**
   * The zip, streamed, from one read of the log: events.ndjson goes into the zip as the events are read while
   * events.csv, written alongside, waits deflated in a temporary file; its deflated bytes and the small files follow,
   * the manifest last, once digests are known. zlib deflates off the main thread.
   */
  bundle(plan: ExportPlan): Readable {
    const output = new PassThrough();
    void this.fillBundle(plan, output).catch((error: Error) => output.destroy(error));
    return output;
  }

  private async fillBundle(plan: ExportPlan, output: PassThrough): Promise<void> {
    const zip = new ZipWriter(output, new Date(plan.exportedAt));
    // zlib streams take the stream options too, which its option type does not say.
    const ndjsonDeflated = createDeflateRaw({
      level: BUNDLE_DEFLATE_LEVEL,
      writableHighWaterMark: ENTRY_QUEUE_BYTES,
    } as ZlibOptions & TransformOptions);
    const copies: Readable[] = [ndjsonDeflated];
    // A reader gone away stops the pass (the next write fails) and closes the spooled file's copy into the zip.
    output.once('close', () => copies.forEach((stream) => stream.destroy()));
    const ndjson = new TextSink(ndjsonDeflated);
    const ndjsonEntry = zip.add({
      name: EXPORT_FILES.events,
      deflated: ndjsonDeflated,
      described: () => ndjson.entryDescription(),
    });
    // Awaited below; a failure meanwhile also fails the pass (the entry's stream is destroyed).
    ndjsonEntry.catch(() => undefined);
    const manifest = new ManifestBuilder(plan);
    const spool = await SpoolFile.create(plan.baseName, BUNDLE_DEFLATE_LEVEL);
    try {
      const csv = new TextSink(spool.input);
      const events = await writeEventFiles(plan, ndjson, csv, manifest);
      await ndjsonEntry;
      const csvCopy = await spool.readBack();
      copies.push(csvCopy);
      await zip.add({ name: EXPORT_FILES.csv, deflated: csvCopy, described: () => csv.entryDescription() });
      const tableSchema = textFile(`${JSON.stringify(eventsTableSchema(), null, 2)}\n`);
      const readme = textFile(AUDITOR_README);
      await zip.add(bufferEntry(EXPORT_FILES.tableSchema, tableSchema.buffer, BUNDLE_DEFLATE_LEVEL));
      await zip.add(bufferEntry(EXPORT_FILES.readme, readme.buffer, BUNDLE_DEFLATE_LEVEL));
      const files = {
        [EXPORT_FILES.events]: ndjson.fileDigest(),
        [EXPORT_FILES.csv]: csv.fileDigest(),
        [EXPORT_FILES.tableSchema]: tableSchema.digest,
        [EXPORT_FILES.readme]: readme.digest,
      };
      const key = this.signingKey;
      const publicKey = {
        algorithm: 'Ed25519',
        pem: publicKeyPem(key),
        fingerprint: publicKeyFingerprint(key),
      } as const;
      const text = `${JSON.stringify(manifest.manifest(files, publicKey, events), null, 2)}\n`;
      await zip.add(bufferEntry(EXPORT_FILES.manifest, Buffer.from(text, 'utf8'), BUNDLE_DEFLATE_LEVEL));
      await zip.end();
    } finally {
      await spool.dispose();
    }
  }
}

/**
 * The one pass over the log: events.ndjson and events.csv written side by side, the manifest told of each event.
 * What the files' trailers say of the events, which the manifest says too.
 */
async function writeEventFiles(
  plan: ExportPlan,
  ndjson: TextSink,
  csv: TextSink,
  manifest: ManifestBuilder,
): Promise<TallyResult> {
  // Both files hold the same events: one tally serves both trailers.
  const tally = new ExportTally();
  const csvBeside = { lines: new CsvLines(plan, tally), write: (chunk: string) => csv.write(chunk) };
  const lines = new NdjsonLines(plan, (event) => manifest.see(event), tally);
  for await (const chunk of exportChunks(plan, lines, csvBeside)) await ndjson.write(chunk);
  await Promise.all([ndjson.end(), csv.end()]);
  return tally.result();
}
