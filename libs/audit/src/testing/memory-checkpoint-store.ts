import type { CheckpointStore, StoredCheckpoint } from '../checkpoint/checkpoint-store';

/** The checkpoint store's contract in memory: for tests whose subject is not the store. */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly stored: StoredCheckpoint[] = [];

  append(checkpoint: StoredCheckpoint): Promise<StoredCheckpoint> {
    const same = this.stored.find((c) => c.treeSize === checkpoint.treeSize);
    if (same === undefined) this.stored.push(checkpoint);
    return Promise.resolve(same ?? checkpoint);
  }

  latest(): Promise<StoredCheckpoint | undefined> {
    return Promise.resolve(
      this.stored.reduce<StoredCheckpoint | undefined>((a, c) => (a && a.treeSize > c.treeSize ? a : c), undefined),
    );
  }

  list(after: number | undefined, limit: number): Promise<StoredCheckpoint[]> {
    const later = this.stored.filter((c) => c.treeSize > (after ?? -1)).sort((a, b) => a.treeSize - b.treeSize);
    return Promise.resolve(later.slice(0, limit));
  }

  at(treeSize: number): Promise<StoredCheckpoint | undefined> {
    return Promise.resolve(this.stored.find((c) => c.treeSize === treeSize));
  }
}
