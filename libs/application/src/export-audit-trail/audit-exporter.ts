import { Inject, Injectable } from '@nestjs/common';
import {
  csvHeader,
  csvLine,
  eventsTableSchema,
  EXPORT_FORMAT,
  exportEventLine,
  type ExportManifest,
} from '@portfolio/audit';
import type { EventStore, StoredEvent } from '@portfolio/event-store';
import {
  AUDIT_LOG_CRITERIA_NAMES,
  auditLogEvents,
  parseAuditLogCriteria,
  type AuditLogCriteria,
  type AuditLogFilters,
  type ReadContext,
} from '@portfolio/read-models';
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { READ_CONTEXT } from '../read-models/read-models.module';
import { SigningKeyService } from '../seal/signing-key.service';
import { AUDITOR_README } from './auditor-readme';
import { LogTree, recordedSeals, type RecordedSeal } from './sealed-history';

export type ExportFormat = 'ndjson' | 'csv' | 'bundle';

/** What one export covers, fixed when it starts: later appends do not leak into a running export. */
export interface ExportPlan {
  readonly filters: Readonly<Record<string, string>>;
  readonly criteria: AuditLogCriteria;
  readonly filtered: boolean;
  readonly head: bigint;
  readonly exportedAt: string;
  /** e.g. `portfolio-audit-20211215T101500Z-project-franceconnect` (without extension). */
  readonly baseName: string;
}

/** Streams text chunks while hashing and counting them: the manifest needs each file's digest. */
function digesting(chunks: AsyncIterable<string>): {
  stream: Readable;
  digest: Promise<{ sha256: string; bytes: number }>;
} {
  const hash = createHash('sha256');
  let bytes = 0;
  let done: (value: { sha256: string; bytes: number }) => void = () => undefined;
  const digest = new Promise<{ sha256: string; bytes: number }>((resolve) => (done = resolve));
  async function* hashed(): AsyncIterable<Buffer> {
    for await (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8');
      hash.update(buffer);
      bytes += buffer.length;
      yield buffer;
    }
    done({ sha256: hash.digest('hex'), bytes });
  }
  return { stream: Readable.from(hashed()), digest };
}

function fileOf(text: string): { buffer: Buffer; sha256: string; bytes: number } {
  const buffer = Buffer.from(text, 'utf8');
  return { buffer, sha256: createHash('sha256').update(buffer).digest('hex'), bytes: buffer.length };
}

/**
 * Exports the audit trail (ARCHITECTURE §8) as NDJSON, CSV or a bundle an auditor verifies offline: events, CSV,
 * TableSchema, a manifest with digests, chain anchors, seals, consistency and inclusion proofs, and the public key.
 * Events stream from the store in pages whatever the size of the log.
 */
@Injectable()
export class AuditExporter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_CONTEXT) private readonly reads: ReadContext,
    private readonly signingKey: SigningKeyService,
  ) {}

  async plan(filters: AuditLogFilters): Promise<ExportPlan> {
    const criteria = parseAuditLogCriteria(filters);
    const given = Object.fromEntries(
      AUDIT_LOG_CRITERIA_NAMES.flatMap((name) =>
        filters[name] === undefined ? [] : [[name, filters[name] as string]],
      ),
    );
    const exportedAt = new Date().toISOString();
    const suffix = Object.entries(given)
      .map(([name, value]) => `${name}-${value}`.replace(/[^A-Za-z0-9-]+/g, '_'))
      .join('-');
    return {
      filters: given,
      criteria,
      filtered: Object.keys(given).length > 0,
      head: await this.store.head(),
      exportedAt,
      baseName: `portfolio-audit-${exportedAt.replace(/[-:]|\.\d+/g, '')}${suffix === '' ? '' : `-${suffix}`}`.slice(
        0,
        180,
      ),
    };
  }

  async *events(plan: ExportPlan): AsyncIterable<StoredEvent> {
    if (!plan.filtered) {
      yield* this.store.readAll({ to: plan.head });
      return;
    }
    yield* auditLogEvents(this.reads, plan.criteria, plan.head);
  }

  ndjson(plan: ExportPlan): Readable {
    return Readable.from(this.ndjsonLines(plan));
  }

  csv(plan: ExportPlan): Readable {
    return Readable.from(this.csvLines(plan));
  }

  private async *ndjsonLines(plan: ExportPlan, onEvent?: (event: StoredEvent) => void): AsyncIterable<string> {
    for await (const event of this.events(plan)) {
      onEvent?.(event);
      yield exportEventLine(event);
    }
  }

  private async *csvLines(plan: ExportPlan): AsyncIterable<string> {
    yield csvHeader();
    for await (const event of this.events(plan)) yield csvLine(event);
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
    const seals = await recordedSeals(this.store, plan.head);
    const lastSealed = seals.length === 0 ? 0n : BigInt(seals[seals.length - 1].sealedPosition);
    const tree = await LogTree.build(this.store, lastSealed);
    const summary = { count: 0, first: null as string | null, last: null as string | null };
    const anchors: Record<string, ExportManifest['chainAnchors'][string]> = {};
    const inclusionProofs: ExportManifest['inclusionProofs'][number][] = [];

    const ndjson = digesting(
      this.ndjsonLines(plan, (event) => {
        summary.count += 1;
        summary.first ??= event.position.toString();
        summary.last = event.position.toString();
        anchors[event.streamId] ??= { revision: event.revision.toString(), prevHash: event.prevHash };
        if (plan.filtered) {
          const proof = inclusionProofFor(event, seals, tree);
          if (proof !== undefined) inclusionProofs.push(proof);
        }
      }),
    );
    const csv = digesting(this.csvLines(plan));
    const tableSchema = fileOf(`${JSON.stringify(eventsTableSchema(), null, 2)}\n`);
    const readme = fileOf(AUDITOR_README);
    zip.addReadStream(ndjson.stream, 'events.ndjson');
    zip.addReadStream(csv.stream, 'events.csv');
    zip.addBuffer(tableSchema.buffer, 'tableschema.json');
    zip.addBuffer(readme.buffer, 'README.md');
    const [ndjsonDigest, csvDigest] = [await ndjson.digest, await csv.digest];
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      exportedAt: plan.exportedAt,
      filters: plan.filters,
      filtered: plan.filtered,
      eventCount: summary.count,
      firstPosition: summary.first,
      lastPosition: summary.last,
      files: {
        'events.ndjson': ndjsonDigest,
        'events.csv': csvDigest,
        'tableschema.json': { sha256: tableSchema.sha256, bytes: tableSchema.bytes },
        'README.md': { sha256: readme.sha256, bytes: readme.bytes },
      },
      chainAnchors: anchors,
      publicKey: { algorithm: 'Ed25519', ...pick(this.signingKey.publicKey()) },
      seals,
      consistencyProofs: seals.slice(1).map((seal, i) => ({
        fromCycleId: seals[i].cycleId,
        toCycleId: seal.cycleId,
        fromSize: seals[i].eventCount,
        toSize: seal.eventCount,
        proof: tree.tree.consistencyProof(seals[i].eventCount, seal.eventCount),
      })),
      inclusionProofs,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), 'manifest.json');
    zip.end();
  }
}

function pick(key: { publicKeyPem: string; fingerprint: string }): { pem: string; fingerprint: string } {
  return { pem: key.publicKeyPem, fingerprint: key.fingerprint };
}

/** The proof that an exported event belongs to the first seal covering it, if one does. */
function inclusionProofFor(
  event: StoredEvent,
  seals: readonly RecordedSeal[],
  tree: LogTree,
): ExportManifest['inclusionProofs'][number] | undefined {
  const seal = seals.find((s) => BigInt(s.sealedPosition) >= event.position);
  const leafIndex = tree.leafIndex(event.position);
  if (seal === undefined || leafIndex === undefined) return undefined;
  return {
    position: event.position.toString(),
    leafIndex,
    cycleId: seal.cycleId,
    treeSize: seal.eventCount,
    proof: tree.tree.inclusionProof(leafIndex, seal.eventCount),
  };
}
