import { verifyChains, type EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { LogTreeBuilder, type LogTree } from '../merkle/log-tree';
import { verifyConsistency } from '../merkle/merkle-proofs';
import { recordedSeals } from '../seal/recorded-seals';
import type { RecordedSeal } from '../seal/seal';
import { verifySeal } from '../seal/seal-statement';
import { publicKeyPem } from '../seal/signing';
import type { AuditProblem, AuditReport } from './audit-report';
import { checkCheckpoints, type SignedCheckpoints } from './check-checkpoints';
import { hashInSlices } from '../merkle/hash-in-slices';

/**
 * Recomputes every hash chain, every seal's Merkle root over the log as stored now, the consistency of successive
 * seals and their signatures with this instance's key (ARCHITECTURE §8); then, when given the signed checkpoints,
 * that the log still holds and extends each of them.
 */
export class AuditVerifier {
  private readonly publicKeyPem: string;

  constructor(
    private readonly store: EventStore,
    /** The instance's seal key; only its public half is used. */
    private readonly key: KeyObject,
    private readonly now: () => Date,
    private readonly checkpoints?: SignedCheckpoints,
  ) {
    this.publicKeyPem = publicKeyPem(key);
  }

  async verify(): Promise<AuditReport> {
    const head = await this.store.head();
    const checkedAt = this.now().toISOString();
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
    const { seals, malformed } = await recordedSeals(this.store, head);
    if (malformed !== undefined) {
      // Its chain holds, so whoever changed it rehashed the event: a seal nobody signed, which covers nothing.
      const message = `the ReviewCycleHeld event at position ${malformed.position} records no valid seal: ${malformed.problem}`;
      const problem = { code: 'merkle_mismatch' as const, position: malformed.position, message };
      return { ok: false, ...base, sealsChecked: 0, problem };
    }
    const log = leaves.build();
    // Seals and checkpoints ask for roots over most of the log: hashed a slice at a time, never in one stretch.
    if (seals.length > 0 || (await this.anyCheckpointSigned())) await hashInSlices(log.tree);
    const { sealsChecked, problem } = this.checkSeals(seals, log);
    if (problem !== undefined || this.checkpoints === undefined) {
      return { ok: problem === undefined, ...base, sealsChecked, problem: problem ?? null };
    }
    const checked = await checkCheckpoints(log, this.checkpoints, this.key);
    const found = checked.problem ?? null;
    return {
      ok: found === null,
      ...base,
      sealsChecked,
      checkpointsChecked: checked.checkpointsChecked,
      problem: found,
    };
  }

  private async anyCheckpointSigned(): Promise<boolean> {
    return this.checkpoints !== undefined && (await this.checkpoints.checkpoints.list(undefined, 1)).length > 0;
  }

  /** Each seal in turn against the log's tree, its signature, and the seal before it; stops at the first problem. */
  private checkSeals(seals: readonly RecordedSeal[], log: LogTree): { sealsChecked: number; problem?: AuditProblem } {
    for (const [i, seal] of seals.entries()) {
      const where = { position: seal.position, cycleId: seal.cycleId };
      // Events recorded up to the sealed position: the leaves the seal covers.
      const covered = log.leafCountUpTo(BigInt(seal.sealedPosition));
      if (covered !== seal.eventCount || log.tree.root(covered) !== seal.merkleRoot) {
        const message = `seal ${seal.cycleId} covers ${seal.eventCount} events with root ${seal.merkleRoot}; the log up to position ${seal.sealedPosition} holds ${covered} events with root ${log.tree.root(covered)}`;
        return { sealsChecked: i, problem: { code: 'merkle_mismatch', ...where, message } };
      }
      if (!verifySeal(this.publicKeyPem, seal, seal.signature)) {
        const message = `the signature of seal ${seal.cycleId} does not verify with this instance's public key`;
        return { sealsChecked: i, problem: { code: 'bad_signature', ...where, message } };
      }
      const previous = seals[i - 1];
      if (previous === undefined) continue;
      const proof = log.tree.consistencyProof(previous.eventCount, seal.eventCount);
      if (!verifyConsistency(previous.eventCount, seal.eventCount, previous.merkleRoot, seal.merkleRoot, proof)) {
        const message = `seal ${seal.cycleId} does not extend seal ${previous.cycleId}`;
        return { sealsChecked: i, problem: { code: 'inconsistent_seals', ...where, message } };
      }
    }
    return { sealsChecked: seals.length };
  }
}
