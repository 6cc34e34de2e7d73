import type { StoredEvent } from '@portfolio/event-store';
import type { MerkleTree } from '../merkle/merkle-tree';
import type { RecordedSeal } from '../seal/seal';
import {
  EXPORT_FORMAT,
  type ChainAnchor,
  type ExportConsistencyProof,
  type ExportFileDigest,
  type ExportManifest,
  type ExportPublicKey,
} from './export-format';
import type { ExportPlan } from './export-plan';

/** One proof per pair of successive seals that the later one's tree extends the earlier one's. */
export function consistencyProofs(seals: readonly RecordedSeal[], tree: MerkleTree): ExportConsistencyProof[] {
  return seals.slice(1).map((seal, i) => ({
    fromCycleId: seals[i].cycleId,
    toCycleId: seal.cycleId,
    fromSize: seals[i].eventCount,
    toSize: seal.eventCount,
    proof: tree.consistencyProof(seals[i].eventCount, seal.eventCount),
  }));
}

/**
 * Gathers what manifest.json says about the exported events while they stream past once: their count and range, and
 * each stream's chain anchor. Their inclusion proofs are in events.ndjson, streamed (format v2).
 */
export class ManifestBuilder {
  private count = 0;
  private first: bigint | null = null;
  private last: bigint | null = null;
  private readonly anchors: Record<string, ChainAnchor> = {};

  constructor(private readonly plan: ExportPlan) {}

  see(event: StoredEvent): void {
    this.count += 1;
    this.first ??= event.position;
    this.last = event.position;
    this.anchors[event.streamId] ??= { revision: event.revision.toString(), prevHash: event.prevHash };
  }

  /** The manifest, once every event has been seen and the other files digested. */
  manifest(files: Readonly<Record<string, ExportFileDigest>>, publicKey: ExportPublicKey): ExportManifest {
    return {
      format: EXPORT_FORMAT,
      exportedAt: this.plan.exportedAt,
      filters: this.plan.filters,
      filtered: this.plan.filtered,
      eventCount: this.count,
      firstPosition: this.first?.toString() ?? null,
      lastPosition: this.last?.toString() ?? null,
      files,
      chainAnchors: this.anchors,
      publicKey,
      seals: this.plan.proven.seals,
      consistencyProofs: consistencyProofs(this.plan.proven.seals, this.plan.proven.tree.tree),
    };
  }
}
