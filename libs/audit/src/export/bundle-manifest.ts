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
import type { TallyResult } from './export-tally';

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
 * Gathers each stream's chain anchor while the exported events stream past once, for manifest.json; their count and
 * range come from the tally the event files share. Their inclusion proofs are in events.ndjson, streamed (format v2).
 */
export class ManifestBuilder {
  private readonly anchors: Record<string, ChainAnchor> = {};

  constructor(private readonly plan: ExportPlan) {}

  see(event: StoredEvent): void {
    this.anchors[event.streamId] ??= { revision: event.revision.toString(), prevHash: event.prevHash };
  }

  /** The manifest, once every event has been seen and the other files digested. */
  manifest(
    files: Readonly<Record<string, ExportFileDigest>>,
    publicKey: ExportPublicKey,
    { eventCount, firstPosition, lastPosition }: TallyResult,
  ): ExportManifest {
    return {
      format: EXPORT_FORMAT,
      exportedAt: this.plan.exportedAt,
      filters: this.plan.filters,
      filtered: this.plan.filtered,
      eventCount,
      firstPosition,
      lastPosition,
      files,
      chainAnchors: this.anchors,
      publicKey,
      seals: this.plan.proven.seals,
      consistencyProofs: consistencyProofs(this.plan.proven.seals, this.plan.proven.tree.tree),
    };
  }
}
