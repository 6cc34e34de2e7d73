import type { Parity } from './parity/parity';

/**
 * `standby`: another process leads the projections; this one serves what it writes. `stalled`: waiting on a database
 * that does not answer, longer than a turn of the follower lasts.
 */
export type ProjectionState = 'starting' | 'catching_up' | 'live' | 'standby' | 'stalled' | 'failed' | 'stopped';

/** What GET /admin/projections shows of one projector. */
export interface ProjectorStatus {
  readonly name: string;
  readonly generation: number;
  readonly position: string;
  readonly head: string;
  readonly lag: string;
  readonly state: ProjectionState;
  readonly lastError?: string;
  /** Set when the log's head is behind the position projected (`lag` negative): the log lost events. */
  readonly warning?: string;
}

export function logBehindReadModels(head: bigint, projected: bigint): string {
  return `the log is behind the read models: its head is at position ${head}, but events up to position ${projected} were projected; rows were removed from the log (run GET /audit/verify)`;
}

/** What a rebuild is asked to do beyond rebuilding. */
export interface RebuildOptions {
  /** Switch only if the rebuilt read models equal the live ones; else keep the live ones and drop the rebuilt. */
  readonly expectIdentical?: boolean;
}

export interface RebuildStatus {
  readonly generation: number;
  /** `switching` covers the comparison with the live generation, then the switch itself. */
  readonly state: 'running' | 'switching' | 'done' | 'failed';
  readonly position: string;
  readonly target: string;
  /** Percent of the log projected into the new generation. */
  readonly progress: number;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly error?: string;
  readonly expectIdentical: boolean;
  /** The comparison with the live generation, once made (just before the switch). */
  readonly parity?: Parity;
}

/** A rebuild asked of a process that does not lead the projections. */
export class NotProjectionLeaderError extends Error {
  readonly code = 'not_projection_leader';
  constructor() {
    super(
      'this instance is on standby: another instance leads the projections and alone can rebuild them; ' +
        'send the request again (it may reach the leader) or stop the other instances',
    );
    this.name = 'NotProjectionLeaderError';
  }
}
