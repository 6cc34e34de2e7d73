import type { StoredEvent } from '@portfolio/event-store';
import type { LogTree } from '../merkle/log-tree';
import type { MerkleTree } from '../merkle/merkle-tree';
import type { RecordedSeal } from '../seal/seal';
import {
  EXPORT_FORMAT,
  type ChainAnchor,
  type ExportConsistencyProof,
  type ExportFileDigest,
  type ExportInclusionProof,
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

/** The proof that the event at `position` belongs to the first seal covering it, if one does. */
export function inclusionProofOf(
  position: bigint,
  seals: readonly RecordedSeal[],
  log: LogTree,
): ExportInclusionProof | undefined {
  const seal = seals.find((s) => BigInt(s.sealedPosition) >= position);
  const leafIndex = log.leafIndex(position);
  if (seal === undefined || leafIndex === undefined) return undefined;
  return {
    position: position.toString(),
    leafIndex,
    cycleId: seal.cycleId,
    treeSize: seal.eventCount,
    proof: log.tree.inclusionProof(leafIndex, seal.eventCount),
  };
}

/**
 * Gathers what manifest.json says about the exported events while they stream past once: their count and range,
 * each stream's chain anchor and, in a filtered export, each sealed event's inclusion proof.
 */
export class ManifestBuilder {
  private count = 0;
  private first: string | null = null;
  private last: string | null = null;
  private readonly anchors: Record<string, ChainAnchor> = {};
  private readonly inclusionProofs: ExportInclusionProof[] = [];

  /** `seals` by sealed position; `log` the tree of the log up to the last of them. */
  constructor(
    private readonly plan: ExportPlan,
    private readonly seals: readonly RecordedSeal[],
    private readonly log: LogTree,
  ) {}

  see(event: StoredEvent): void {
    this.count += 1;
    this.first ??= event.position.toString();
    this.last = event.position.toString();
    this.anchors[event.streamId] ??= { revision: event.revision.toString(), prevHash: event.prevHash };
    if (!this.plan.filtered) return;
    const proof = inclusionProofOf(event.position, this.seals, this.log);
    if (proof !== undefined) this.inclusionProofs.push(proof);
  }

  /** The manifest, once every event has been seen and the other files digested. */
  manifest(files: Readonly<Record<string, ExportFileDigest>>, publicKey: ExportPublicKey): ExportManifest {
    return {
      format: EXPORT_FORMAT,
      exportedAt: this.plan.exportedAt,
      filters: this.plan.filters,
      filtered: this.plan.filtered,
      eventCount: this.count,
      firstPosition: this.first,
      lastPosition: this.last,
      files,
      chainAnchors: this.anchors,
      publicKey,
      seals: this.seals,
      consistencyProofs: consistencyProofs(this.seals, this.log.tree),
      inclusionProofs: this.inclusionProofs,
    };
  }
}
