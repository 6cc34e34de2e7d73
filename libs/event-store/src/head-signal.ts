import type { WaitOptions } from './event-store.port';

interface Waiter {
  readonly after: bigint;
  readonly resolve: (head: bigint) => void;
}

/**
 * Wakes the readers waiting for new events when an adapter learns of a commit (its own append, a database
 * notification, a poll): readers sleep instead of polling the log.
 */
export class HeadSignal {
  private waiters = new Set<Waiter>();
  private lastKnown = 0n;

  /** Reports that the log reached `head`; wakes every waiter that it satisfies. */
  advance(head: bigint): void {
    if (head > this.lastKnown) this.lastKnown = head;
    for (const waiter of this.waiters) {
      if (this.lastKnown > waiter.after) waiter.resolve(this.lastKnown);
    }
  }

  /** Waits until `advance` passes `after`, the timeout elapses or the signal aborts; resolves with the head known then. */
  wait(after: bigint, currentHead: bigint, options: WaitOptions): Promise<bigint> {
    this.advance(currentHead);
    if (this.lastKnown > after || options.signal?.aborted) return Promise.resolve(this.lastKnown);
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', finish);
        this.waiters.delete(waiter);
        resolve(this.lastKnown);
      };
      const waiter: Waiter = { after, resolve: finish };
      const timer = setTimeout(finish, options.timeoutMs);
      options.signal?.addEventListener('abort', finish, { once: true });
      this.waiters.add(waiter);
    });
  }

  get waiting(): number {
    return this.waiters.size;
  }
}
