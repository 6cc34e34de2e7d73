import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { LogTree } from '../merkle/log-tree';
import { recordedSeals } from '../seal/recorded-seals';
import { publicKeyFingerprint, publicKeyPem } from '../seal/signing';
import { AUDITOR_README } from './auditor-readme';
import { ManifestBuilder } from './bundle-manifest';
import { csvLines, ndjsonLines } from './event-lines';
import { EXPORT_FILES } from './export-format';
import { exportBaseName, type EventSelector, type ExportPlan } from './export-plan';
import { digestingStream, textFile } from './file-digest';
import { eventsTableSchema } from './table-schema';

/**
 * Exports the audit trail (ARCHITECTURE §8) as NDJSON, CSV or a bundle an auditor verifies offline: events, CSV,
 * TableSchema, a manifest with digests, chain anchors, seals, consistency and inclusion proofs, and the public key.
 * Events stream from the store in pages whatever the size of the log.
 */
export class AuditExporter {
  constructor(
    private readonly store: EventStore,
    /** The instance's seal key: the manifest names its public half. */
    private readonly signingKey: KeyObject,
    private readonly selector: EventSelector,
    private readonly now: () => Date,
  ) {}

  /** Fixes what an export covers; a filter the selector refuses throws here, before any byte is written. */
  async plan(filters: Readonly<Record<string, string | undefined>>): Promise<ExportPlan> {
    const selection = this.selector.select(filters);
    const exportedAt = this.now().toISOString();
    const head = await this.store.head();
    const filtered = Object.keys(selection.filters).length > 0;
    return {
      filters: selection.filters,
      filtered,
      head,
      exportedAt,
      baseName: exportBaseName(exportedAt, selection.filters),
      // Unfiltered, the export is the whole log read from the store itself: that is what its manifest promises.
      events: () => (filtered ? selection.events(head) : this.store.readAll({ to: head })),
    };
  }

  ndjson(plan: ExportPlan): Readable {
    return Readable.from(ndjsonLines(plan.events()));
  }

  csv(plan: ExportPlan): Readable {
    return Readable.from(csvLines(plan.events()));
  }

  /** The zip, streamed: entries are written as the events are read; the manifest comes last, once digests are known. */
  bundle(plan: ExportPlan): Readable {
    const zip = new ZipFile();
    const output = new PassThrough();
    zip.outputStream.pipe(output);
    void this.fillBundle(plan, zip).catch((error: Error) => output.destroy(error));
    return output;
  }

  private async fillBundle(plan: ExportPlan, zip: ZipFile): Promise<void> {
    // A ReviewCycleHeld event recording no valid seal is not listed: the verifier reports it where it sits.
    const { seals } = await recordedSeals(this.store, plan.head);
    const lastSealed = seals.length === 0 ? 0n : BigInt(seals[seals.length - 1].sealedPosition);
    const manifest = new ManifestBuilder(plan, seals, await LogTree.build(this.store, lastSealed));
    const ndjson = digestingStream(ndjsonLines(plan.events(), (event) => manifest.see(event)));
    const csv = digestingStream(csvLines(plan.events()));
    const tableSchema = textFile(`${JSON.stringify(eventsTableSchema(), null, 2)}\n`);
    const readme = textFile(AUDITOR_README);
    zip.addReadStream(ndjson.stream, EXPORT_FILES.events);
    zip.addReadStream(csv.stream, EXPORT_FILES.csv);
    zip.addBuffer(tableSchema.buffer, EXPORT_FILES.tableSchema);
    zip.addBuffer(readme.buffer, EXPORT_FILES.readme);
    const files = {
      [EXPORT_FILES.events]: await ndjson.digest,
      [EXPORT_FILES.csv]: await csv.digest,
      [EXPORT_FILES.tableSchema]: tableSchema.digest,
      [EXPORT_FILES.readme]: readme.digest,
    };
    const key = this.signingKey;
    const publicKey = { algorithm: 'Ed25519', pem: publicKeyPem(key), fingerprint: publicKeyFingerprint(key) } as const;
    const text = `${JSON.stringify(manifest.manifest(files, publicKey), null, 2)}\n`;
    zip.addBuffer(Buffer.from(text, 'utf8'), EXPORT_FILES.manifest);
    zip.end();
  }
}
