import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Checkpointer } from '../checkpoint/checkpointer';
import { recordedSeals } from '../seal/recorded-seals';
import { publicKeyFingerprint, publicKeyPem } from '../seal/signing';
import { AUDITOR_README } from './auditor-readme';
import { ManifestBuilder } from './bundle-manifest';
import { csvLines, CsvLines, exportChunks, ndjsonLines, NdjsonLines } from './event-lines';
import { EXPORT_FILES } from './export-format';
import { EXPORT_PAGE_SIZE, exportBaseName, type EventSelector, type ExportPlan } from './export-plan';
import { witnessedCheckpoint } from './export-proofs';
import { ExportTally } from './export-tally';
import { textFile } from './file-digest';
import { SpoolFile } from './spool-file';
import { TextSink } from './text-sink';
import { ed25519NoteSigner } from '../transparency/ed25519-note-key';
import { eventsTableSchema } from './table-schema';

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
   * events.csv, written alongside, waits in a temporary file; the CSV and the small files follow, the manifest last,
   * once digests are known. yazl deflates each entry in zlib, off the main thread.
   */
  bundle(plan: ExportPlan): Readable {
    const zip = new ZipFile();
    const output = new PassThrough();
    zip.outputStream.pipe(output);
    void this.fillBundle(plan, zip, output).catch((error: Error) => output.destroy(error));
    return output;
  }

  private async fillBundle(plan: ExportPlan, zip: ZipFile, output: PassThrough): Promise<void> {
    const entry = { mtime: new Date(plan.exportedAt), compressionLevel: BUNDLE_DEFLATE_LEVEL };
    const ndjsonEntry = new PassThrough({ highWaterMark: ENTRY_QUEUE_BYTES });
    const copies: Readable[] = [ndjsonEntry];
    // A reader gone away stops the pass (the next write fails) and closes the spooled file's copy into the zip.
    output.once('close', () => copies.forEach((stream) => stream.destroy()));
    zip.addReadStream(ndjsonEntry, EXPORT_FILES.events, entry);
    const manifest = new ManifestBuilder(plan);
    const spool = await SpoolFile.create(plan.baseName);
    try {
      const ndjson = new TextSink(ndjsonEntry);
      const csv = new TextSink(spool.input);
      // Both files hold the same events: one tally serves both trailers.
      const tally = new ExportTally();
      const csvBeside = { lines: new CsvLines(plan, tally), write: (chunk: string) => csv.write(chunk) };
      const lines = new NdjsonLines(plan, (event) => manifest.see(event), tally);
      for await (const chunk of exportChunks(plan, lines, csvBeside)) await ndjson.write(chunk);
      await Promise.all([ndjson.end(), csv.end()]);
      const csvDigest = csv.fileDigest();
      const csvCopy = await spool.readBack();
      copies.push(csvCopy);
      zip.addReadStream(csvCopy, EXPORT_FILES.csv, { ...entry, size: csvDigest.bytes });
      const tableSchema = textFile(`${JSON.stringify(eventsTableSchema(), null, 2)}\n`);
      const readme = textFile(AUDITOR_README);
      zip.addBuffer(tableSchema.buffer, EXPORT_FILES.tableSchema, entry);
      zip.addBuffer(readme.buffer, EXPORT_FILES.readme, entry);
      const files = {
        [EXPORT_FILES.events]: ndjson.fileDigest(),
        [EXPORT_FILES.csv]: csvDigest,
        [EXPORT_FILES.tableSchema]: tableSchema.digest,
        [EXPORT_FILES.readme]: readme.digest,
      };
      const key = this.signingKey;
      const publicKey = {
        algorithm: 'Ed25519',
        pem: publicKeyPem(key),
        fingerprint: publicKeyFingerprint(key),
      } as const;
      const text = `${JSON.stringify(manifest.manifest(files, publicKey), null, 2)}\n`;
      zip.addBuffer(Buffer.from(text, 'utf8'), EXPORT_FILES.manifest, entry);
      zip.end();
    } finally {
      await spool.dispose();
    }
  }
}
