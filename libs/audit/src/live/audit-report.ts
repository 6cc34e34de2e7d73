/** The first problem the live verifier found, located by the position of the event concerned. */
export interface AuditProblem {
  readonly code:
    | 'chain_broken'
    | 'merkle_mismatch'
    | 'bad_signature'
    | 'inconsistent_seals'
    | 'log_truncated'
    | 'checkpoint_mismatch';
  readonly position: string;
  readonly cycleId?: string;
  /** The size of the signed checkpoint concerned. */
  readonly treeSize?: number;
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
  /** Signed checkpoints found to match the log; absent where no checkpoints are kept. */
  readonly checkpointsChecked?: number;
  readonly problem: AuditProblem | null;
}
