/** What a command answers: where its stream stands after it. */
export interface CommandResult {
  readonly streamId: string;
  /** Revision of the stream's last event (after the command). */
  readonly revision: bigint;
  /** Position of the stream's last event: a client can wait for projections to reach it. */
  readonly position: bigint;
  /** Events the command appended (a replayed command reports its first run, as it answers with the first response). */
  readonly appended: number;
  /** True when an earlier command with the same idempotency key already did the work. */
  readonly replayed: boolean;
}
