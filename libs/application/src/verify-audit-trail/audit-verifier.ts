import { Inject, Injectable } from '@nestjs/common';
import { publicKeyPem, verifyConsistency, verifySeal } from '@portfolio/audit';
import { verifyChains, type EventStore } from '@portfolio/event-store';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { LogTreeBuilder, recordedSeals } from '../export-audit-trail/sealed-history';
import { SigningKeyService } from '../seal/signing-key.service';

export interface AuditProblem {
  readonly code: 'chain_broken' | 'merkle_mismatch' | 'bad_signature' | 'inconsistent_seals';
  readonly position: string;
  readonly cycleId?: string;
  readonly message: string;
}

/** GET /audit/verify: what was checked over the live store, and the first problem found. */
export interface AuditReport {
  readonly ok: boolean;
  readonly checkedAt: string;
  readonly head: string;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly sealsChecked: number;
  readonly problem: AuditProblem | null;
}

/**
 * Recomputes every hash chain, every seal's Merkle root over the log as stored now, the consistency of successive
 * seals and their signatures with this instance's key (ARCHITECTURE §8).
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: SigningKeyService,
  ) {}

  async verify(): Promise<AuditReport> {
    const head = await this.store.head();
    const checkedAt = new Date().toISOString();
    // One walk of the log checks the chains and builds the tree the seals are checked against. Every stored row
    // is walked, not only up to the head: a row slipped in past the head is tampering too.
    const leaves = new LogTreeBuilder();
    const chains = await verifyChains(this.store, { onEvent: (event) => leaves.append(event) });
    const base = {
      checkedAt,
      head: head.toString(),
      eventsChecked: chains.eventsChecked,
      streamsChecked: chains.streamsChecked,
    };
    if (chains.problem !== undefined) {
      const problem = {
        code: 'chain_broken' as const,
        position: chains.problem.position.toString(),
        message: chains.problem.reason,
      };
      return { ok: false, ...base, sealsChecked: 0, problem };
    }
    const seals = await recordedSeals(this.store, head);
    const log = leaves.build();
    const key = publicKeyPem(this.signingKey.key);
    let sealsChecked = 0;
    for (const [i, seal] of seals.entries()) {
      const where = { position: seal.position, cycleId: seal.cycleId };
      // Events recorded up to the sealed position: the leaves the seal covers.
      const covered = log.leafCountUpTo(BigInt(seal.sealedPosition));
      if (covered !== seal.eventCount || log.tree.root(covered) !== seal.merkleRoot) {
        const message = `seal ${seal.cycleId} covers ${seal.eventCount} events with root ${seal.merkleRoot}; the log up to position ${seal.sealedPosition} holds ${covered} events with root ${log.tree.root(covered)}`;
        return { ok: false, ...base, sealsChecked, problem: { code: 'merkle_mismatch', ...where, message } };
      }
      if (!verifySeal(key, seal, seal.signature)) {
        const message = `the signature of seal ${seal.cycleId} does not verify with this instance's public key`;
        return { ok: false, ...base, sealsChecked, problem: { code: 'bad_signature', ...where, message } };
      }
      const previous = seals[i - 1];
      if (previous !== undefined) {
        const proof = log.tree.consistencyProof(previous.eventCount, seal.eventCount);
        if (!verifyConsistency(previous.eventCount, seal.eventCount, previous.merkleRoot, seal.merkleRoot, proof)) {
          const message = `seal ${seal.cycleId} does not extend seal ${previous.cycleId}`;
          return { ok: false, ...base, sealsChecked, problem: { code: 'inconsistent_seals', ...where, message } };
        }
      }
      sealsChecked += 1;
    }
    return { ok: true, ...base, sealsChecked, problem: null };
  }
}
