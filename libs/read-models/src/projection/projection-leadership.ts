/**
 * Which process projects. Several API instances may share one read-model database: one of them leads and applies
 * the events, the others stand by, serve queries from what the leader wrote, and take over when it goes away.
 * Leadership saves the work; correctness does not rest on it: every batch is also fenced on its checkpoint, so a
 * leader that lost its lock without knowing cannot apply a batch twice.
 */
export interface ProjectionLeadership {
  /** Tries once to become (or stay) the leader; true while this process leads. */
  tryLead(): Promise<boolean>;
  /** Whether this process led at the last check (a lost connection turns it false). */
  readonly leading: boolean;
  /** Gives the lead up, so that another process takes over at once. */
  release(): Promise<void>;
}

/** The only projector of its database (SQLite: one file, one machine; a CLI beside the API is fenced). */
export class SoleLeadership implements ProjectionLeadership {
  readonly leading = true;

  async tryLead(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {}
}
