import { Inject, Injectable } from '@nestjs/common';
import { StoreUnavailableError, type EventStore } from '@portfolio/event-store';
import { EVENT_STORE } from './event-store.provider';

/** While writes fail, readiness probes the storage at most this often: the probe is a real write, readiness public. */
export const WRITE_PROBE_INTERVAL_MS = 1000;

/**
 * Whether the event store takes writes, as the last append found it. A storage fault (disk full, read-only,
 * unreachable, I/O error) is kept from the append that met it until a write succeeds again: an append, or the probe
 * readiness runs meanwhile (an instance taken out of a load balancer receives no append that would tell).
 */
@Injectable()
export class WriteHealth {
  private fault: StoreUnavailableError | undefined;
  private probedAt = -Infinity;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Awaits a write, keeping the storage fault it meets, or forgetting the kept one when it succeeds. */
  async observe<T>(write: Promise<T>): Promise<T> {
    try {
      const result = await write;
      this.fault = undefined;
      return result;
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.fault = error;
      throw error;
    }
  }

  /** The fault writes meet now: while one is kept, the storage is probed (at most once an interval) for its end. */
  async currentFault(): Promise<StoreUnavailableError | undefined> {
    if (this.fault !== undefined && performance.now() - this.probedAt >= WRITE_PROBE_INTERVAL_MS) {
      this.probedAt = performance.now();
      await this.observe(this.store.probeWrite()).catch(() => undefined);
    }
    return this.fault;
  }
}
