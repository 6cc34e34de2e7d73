// Why the checkpointer will not sign: the log no longer extends what it signed before.

export type CheckpointRefusal = 'log_truncated' | 'checkpoint_mismatch';

export class CheckpointRefusedError extends Error {
  constructor(
    readonly code: CheckpointRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'CheckpointRefusedError';
  }
}
