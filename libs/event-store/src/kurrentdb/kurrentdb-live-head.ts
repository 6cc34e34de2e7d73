// The live subscription to `$all` through which a KurrentDB store learns of each commit, opened again when it drops.
import type { AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { HeadSignal } from '../head-signal';

/**
 * One live subscription to `$all` per store wakes every waiting reader (the projectors' follow loop) on each
 * commit. When it drops (a leader change, a restart), it is opened again after a pause and the head is read, so a
 * commit made meanwhile still wakes the readers.
 */
export class KurrentLiveHead {
  private subscription: AllStreamSubscription | undefined;
  private closed = false;

  constructor(
    private readonly subscribeToAll: () => AllStreamSubscription,
    private readonly readHead: () => Promise<bigint>,
    private readonly signal: HeadSignal,
    private readonly resubscribeDelayMs: number,
  ) {}

  /** Opens the subscription unless it is open (or closed for good). */
  follow(): void {
    if (this.subscription !== undefined || this.closed) return;
    const subscription = this.subscribeToAll();
    this.subscription = subscription;
    subscription.on('data', (resolved) => {
      const position = resolved.event?.position?.commit;
      if (position !== undefined) this.signal.advance(position);
    });
    subscription.on('error', () => {
      if (this.subscription !== subscription) return;
      this.subscription = undefined;
      void subscription.unsubscribe().catch(() => undefined);
      setTimeout(() => {
        if (this.closed) return;
        this.follow();
        void this.readHead().then(
          (head) => this.signal.advance(head),
          () => undefined,
        );
      }, this.resubscribeDelayMs).unref();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe().catch(() => undefined);
  }
}
