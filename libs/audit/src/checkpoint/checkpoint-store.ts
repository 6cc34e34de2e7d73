// The append-only store of the log's signed checkpoints (ARCHITECTURE §8).

/** One signed checkpoint of the whole log, as stored. */
export interface StoredCheckpoint {
  /** Leaves of the tree it signs: the first `treeSize` events in position order. */
  readonly treeSize: number;
  /** Position of its last leaf (0n for the empty tree). */
  readonly position: bigint;
  /** RFC 6962 root, 64 lowercase hex digits. */
  readonly root: string;
  /** The C2SP signed note. */
  readonly note: string;
  readonly signedAt: string;
  /** The TSA's RFC 3161 time-stamp of the note text, when one was configured and answered. */
  readonly timestamp?: CheckpointTimestamp;
}

/** An RFC 3161 time-stamp token over a checkpoint's note text (without its signature lines), checked when stored. */
export interface CheckpointTimestamp {
  /** The TimeStampToken, DER. */
  readonly token: Buffer;
  /** When the TSA says it saw the note text. */
  readonly genTime: string;
}

export interface CheckpointStore {
  /** Stores the checkpoint; one already stored at the same size is kept, and returned instead. */
  append(checkpoint: StoredCheckpoint): Promise<StoredCheckpoint>;
  latest(): Promise<StoredCheckpoint | undefined>;
  /** Checkpoints of size above `after`, smallest first. */
  list(after: number | undefined, limit: number): Promise<StoredCheckpoint[]>;
  at(treeSize: number): Promise<StoredCheckpoint | undefined>;
}
