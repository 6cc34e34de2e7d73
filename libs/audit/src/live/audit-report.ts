/** The first problem the live verifier found, located by the position of the event concerned. */
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
