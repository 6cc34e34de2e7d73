import type { EventStore } from '@portfolio/event-store';
import { SEAL_EVENT_TYPE } from '../seal/seal';
import { CheckpointRefusedError } from './checkpoint-refused-error';
import type { Checkpointer } from './checkpointer';

export interface CheckpointScheduleOptions {
  /** At most this long between the head moving and the checkpoint that covers it. */
  readonly intervalMs: number;
  readonly log: (message: string) => void;
}

// How long one wait for the head lasts before it is asked again; a stop ends it at once.
const IDLE_WAIT_MS = 60_000;

/**
 * When the log is checkpointed: at most `intervalMs` after the head moves, at once when a review cycle is held,
 * never while the head stands still. Stops signing for good once the checkpointer refuses.
 */
export class CheckpointSchedule {
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly checkpointer: Checkpointer,
    private readonly options: CheckpointScheduleOptions,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    try {
      await this.checkpointer.start(signal);
      let signed = (await this.checkpointer.checkpoint())?.position ?? (await this.store.head());
      while (!signal.aborted) {
        const head = await this.store.waitForEvents(signed, { timeoutMs: IDLE_WAIT_MS, signal });
        if (head <= signed || signal.aborted) continue;
        await this.untilDue(signed);
        if (signal.aborted) break;
        signed = (await this.checkpointer.checkpoint())?.position ?? signed;
      }
    } catch (error) {
      if (signal.aborted) return; // stopped while it read the log: nothing went wrong
      if (error instanceof CheckpointRefusedError) return; // the checkpointer logged why, and keeps it for the verifier
      this.options.log(`checkpoints stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Waits out the interval from now, or less when a review cycle is held after `after` meanwhile. */
  private async untilDue(after: bigint): Promise<void> {
    const due = new AbortController();
    const stop = () => due.abort();
    const timer = setTimeout(stop, this.options.intervalMs);
    this.stopping.signal.addEventListener('abort', stop, { once: true });
    try {
      let scanned = after;
      while (!due.signal.aborted) {
        const head = await this.store.head();
        if (await this.reviewCycleHeld(scanned, head)) return;
        scanned = head;
        await this.store.waitForEvents(scanned, { timeoutMs: this.options.intervalMs, signal: due.signal });
      }
    } finally {
      clearTimeout(timer);
      this.stopping.signal.removeEventListener('abort', stop);
    }
  }

  private async reviewCycleHeld(after: bigint, to: bigint): Promise<boolean> {
    for await (const _ of this.store.readAll({ after, to, types: [SEAL_EVENT_TYPE], batchSize: 1 })) return true;
    return false;
  }
}
