import { linkBreak, recomputedEventHash, type StoredEvent } from '@portfolio/event-store';
import type { ChainAnchor } from '../export/export-format';
import { EventHashesDigest, type EventInclusionProof } from '../export/export-trailer';
import { recordedSealOf, sameSeal } from '../seal/recorded-seal';
import { SEAL_EVENT_TYPE, type RecordedSeal } from '../seal/seal';
import type { ExportContents } from './check-trailer';
import { fail } from './export-problem';
import { InclusionProofs, type ProvenTree, type PrecheckedInclusion } from './inclusion-proofs';
import type { WalkedEvent } from './prepared-line';
import { SealRoots } from './seal-roots';

/** What the events are checked against, known before the first one is read. */
export interface CheckPlan {
  /** Every seal, in sealedPosition order, its signature (when a key is known) and consistency already checked. */
  readonly seals: readonly RecordedSeal[];
  /**
   * A filtered export lacks events, so roots cannot be recomputed: each event carries an inclusion proof in the
   * checkpoint instead, and each stream resumes from its chain anchor rather than from genesis.
   */
  readonly filtered: boolean;
  /** Whether a filtered export may skip revisions inside a stream (filters by type or actor). */
  readonly gapsAllowed: boolean;
  /**
   * By stream, from a bundle's manifest. Absent for a bare filtered NDJSON file: each stream then resumes from its
   * first event's own prevHash, which only its inclusion proof vouches for.
   */
  readonly chainAnchors?: ReadonlyMap<string, ChainAnchor>;
  /**
   * A filtered CSV export carries no inclusion proofs: its events are then vouched for by the signed statement's
   * digest alone, not proven part of the checkpoint's log.
   */
  readonly withoutInclusionProofs?: boolean;
  /** The checkpoint a filtered export's inclusion proofs lead to, opened before the walk. */
  readonly checkpoint?: ProvenTree;
  /** The bundle entry read, for line-level problems. */
  readonly file?: string;
}

/** What the walk read, for the trailer's statement and checkpoint to be checked against. */
export type ReadContents = Omit<ExportContents, 'seals' | 'allSeals'>;

interface StreamTip {
  readonly revision: bigint;
  readonly hash: string;
}

/**
 * Checks events one at a time, in file order, keeping only each stream's tip and small per-seal state: memory grows
 * with the number of streams and seals, never with the number of events.
 */
export class ExportChecker {
  private readonly tips = new Map<string, StreamTip>();
  private readonly sealsByPosition: ReadonlyMap<string, RecordedSeal>;
  private readonly sealEventsSeen = new Set<string>();
  private readonly lastSealedPosition: bigint | undefined;
  private readonly roots: SealRoots | undefined;
  private readonly proofs: InclusionProofs | undefined;
  private readonly digest = new EventHashesDigest();
  private lastRecordedAt: string | undefined;
  private events = 0;
  private unsealed = 0;
  private gaps = 0;
  private firstPosition: bigint | undefined;
  private lastPosition: bigint | undefined;

  constructor(private readonly plan: CheckPlan) {
    this.sealsByPosition = new Map(plan.seals.map((seal) => [seal.position, seal]));
    const lastSeal = plan.seals.at(-1);
    this.lastSealedPosition = lastSeal === undefined ? undefined : BigInt(lastSeal.sealedPosition);
    if (plan.filtered) {
      if (plan.checkpoint === undefined) throw new TypeError('a filtered export is checked against its checkpoint');
      if (!plan.withoutInclusionProofs) this.proofs = new InclusionProofs(plan.checkpoint, plan.file);
    } else {
      this.roots = new SealRoots(plan.seals);
    }
  }

  /** Position of the first event accepted. */
  get first(): bigint | undefined {
    return this.firstPosition;
  }

  /** Position of the last event accepted. */
  get last(): bigint | undefined {
    return this.lastPosition;
  }

  get eventsChecked(): number {
    return this.events;
  }

  get streamsChecked(): number {
    return this.tips.size;
  }

  /** Seals whose root was recomputed from the events (full exports). */
  get sealRootsChecked(): number {
    return this.roots?.sealsChecked ?? 0;
  }

  get inclusionProofsChecked(): number {
    return this.proofs?.proofsChecked ?? 0;
  }

  /** Events after the last seal: only the chains vouch for them, no signature does yet. */
  get unsealedEvents(): number {
    return this.unsealed;
  }

  /** Holes inside a stream accepted in a filtered export whose filters allow them. */
  get chainGaps(): number {
    return this.gaps;
  }

  accept(event: StoredEvent, line: number): void {
    this.acceptHashed(event, recomputedEventHash(event), line);
  }

  /** Whether a full export's seal roots are recomputed: the walk then has its workers take the leaf hashes. */
  get recomputesRoots(): boolean {
    return this.roots !== undefined;
  }

  /**
   * accept, with the hash the event's content makes already recomputed (and its payload read as far as needed), and
   * possibly the Merkle leaf hash of the hash it carries.
   */
  acceptHashed(event: WalkedEvent, recomputedHash: string, line: number, leafHash?: Buffer): void {
    const position = event.position.toString();
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) {
      fail({
        code: 'out_of_order',
        position,
        line,
        message: `position ${position} follows position ${this.lastPosition}: events were inserted or reordered`,
      });
    }
    this.roots?.before(event.position);
    this.checkChain(event, recomputedHash, line);
    if (event.type === SEAL_EVENT_TYPE) this.checkSealEvent(event, line);

    const sealed = this.lastSealedPosition !== undefined && event.position <= this.lastSealedPosition;
    if (!sealed) this.unsealed += 1;
    this.roots?.add(event.position, event.hash, leafHash);
    this.proofs?.event(event, line);
    this.digest.add(event.hash);

    this.firstPosition ??= event.position;
    this.lastPosition = event.position;
    this.events += 1;
  }

  /** The inclusion proof of the event just accepted (filtered exports only). */
  acceptProof(proof: EventInclusionProof, line: number, prechecked?: PrecheckedInclusion): void {
    if (this.proofs === undefined) {
      fail({
        code: 'malformed_event',
        file: this.plan.file,
        line,
        message: `line ${line}: an inclusion proof in an export of the whole log, which carries none`,
      });
    }
    this.proofs.proof(proof, line, prechecked);
  }

  /**
   * Checks what only the end can tell: seals past the last event, and what the manifest promised but never came.
   * Returns what the export held, for its trailer to be checked against; call once.
   */
  finish(): ReadContents {
    this.roots?.finish();
    this.proofs?.finish();
    if (this.plan.filtered) {
      for (const streamId of this.plan.chainAnchors?.keys() ?? []) {
        if (!this.tips.has(streamId)) {
          fail({
            code: 'missing_event',
            streamId,
            message: `the manifest anchors stream ${streamId}, of which the export holds no event: its events were removed`,
          });
        }
      }
    } else {
      // A full export holds the whole log, so the events recording its seals too.
      for (const seal of this.plan.seals) {
        if (!this.sealEventsSeen.has(seal.position)) {
          fail({
            code: 'seal_mismatch',
            position: seal.position,
            cycleId: seal.cycleId,
            message: `the ReviewCycleHeld event of review cycle ${seal.cycleId} at position ${seal.position} is not in the export`,
          });
        }
      }
    }
    return {
      eventCount: this.events,
      firstPosition: this.firstPosition?.toString() ?? null,
      lastPosition: this.lastPosition?.toString() ?? null,
      eventHashes: this.digest.hex(),
      ...(this.roots === undefined ? {} : { tree: this.roots.tree }),
    };
  }

  private checkChain(event: WalkedEvent, recomputedHash: string, line: number): void {
    const known = this.tips.get(event.streamId);
    let tip = known;
    let gap = false;
    if (known === undefined && this.plan.filtered) {
      tip = this.anchorTip(event, line);
    } else if (known !== undefined && this.plan.gapsAllowed && event.revision > known.revision + 1n) {
      // Nothing in the export can say what the hole held: the event is checked against its own prevHash, so at
      // least its hash must be its content's.
      tip = { revision: event.revision - 1n, hash: event.prevHash };
      gap = true;
    }
    const reason = linkBreak(event, recomputedHash, tip, this.lastRecordedAt);
    if (reason !== undefined) {
      fail({
        code: 'chain_broken',
        position: event.position.toString(),
        streamId: event.streamId,
        line,
        message: `${event.streamId} revision ${event.revision}: ${reason}`,
      });
    }
    if (gap) this.gaps += 1;
    this.tips.set(event.streamId, { revision: event.revision, hash: event.hash });
    this.lastRecordedAt = event.recordedAt;
  }

  /** Where a filtered export resumes a stream: the event before the anchor, which the export does not hold. */
  private anchorTip(event: WalkedEvent, line: number): StreamTip | undefined {
    if (this.plan.chainAnchors === undefined) {
      return event.revision === 0n ? undefined : { revision: event.revision - 1n, hash: event.prevHash };
    }
    const anchor = this.plan.chainAnchors.get(event.streamId);
    if (anchor === undefined) {
      if (event.revision === 0n) return undefined;
      fail({
        code: 'chain_broken',
        position: event.position.toString(),
        streamId: event.streamId,
        line,
        message: `${event.streamId} starts at revision ${event.revision} in the export, and the manifest gives no chain anchor to check it against`,
      });
    }
    if (anchor.revision === '0') return undefined;
    return { revision: BigInt(anchor.revision) - 1n, hash: anchor.prevHash };
  }

  private checkSealEvent(event: WalkedEvent, line: number): void {
    const position = event.position.toString();
    if (event.data === undefined) throw new TypeError(`the seal at position ${position} was read without its data`);
    const recorded = recordedSealOf({ ...event, data: event.data });
    if (typeof recorded === 'string') {
      fail({ code: 'malformed_event', position, line, message: `the ReviewCycleHeld data is not a seal: ${recorded}` });
    }
    const listed = this.sealsByPosition.get(position);
    if (listed === undefined || !sameSeal(listed, recorded)) {
      fail({
        code: 'seal_mismatch',
        position,
        cycleId: recorded.cycleId,
        line,
        message:
          listed === undefined
            ? `the seal of review cycle ${recorded.cycleId} recorded at position ${position} is not among the seals listed`
            : `the seal recorded at position ${position} differs from the one listed for review cycle ${listed.cycleId}`,
      });
    }
    this.sealEventsSeen.add(position);
  }
}
