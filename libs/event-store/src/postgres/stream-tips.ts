// What a PostgreSQL store last learnt of the log: each recent stream's tip, and the log's last recordedAt.
import { nextRecordedAt, type StreamTip } from '../prepare-append';

/** How many streams' tips a store remembers between its appends (a tip is ~150 bytes). */
const REMEMBERED_TIPS = 10_000;

/**
 * A stream's remembered tip may be behind the stream (another process appended since), never ahead of it: the server
 * checks it before inserting, and answers with the actual one when it no longer holds.
 */
export class StreamTips {
  /** null: the stream had no event when last seen. Insertion order is the order of last use. */
  private readonly tips = new Map<string, StreamTip | null>();
  private lastRecordedAt: string | undefined;

  knows(streamId: string): boolean {
    return this.tips.has(streamId);
  }

  /** The remembered tip; undefined for a stream that had no event (or that is not remembered: ask `knows`). */
  tipOf(streamId: string): StreamTip | undefined {
    return this.tips.get(streamId) ?? undefined;
  }

  remember(streamId: string, tip: StreamTip | undefined): void {
    // Re-inserted, so that the first key is the least recently used.
    this.tips.delete(streamId);
    this.tips.set(streamId, tip ?? null);
    if (this.tips.size > REMEMBERED_TIPS) this.tips.delete(this.tips.keys().next().value as string);
  }

  /** Notes a recordedAt the log holds; the latest one known is kept. */
  noteRecordedAt(recordedAt: string | null): void {
    if (recordedAt !== null && (this.lastRecordedAt === undefined || recordedAt > this.lastRecordedAt)) {
      this.lastRecordedAt = recordedAt;
    }
  }

  /** recordedAt for the next commit: the clock, never before the last recordedAt known (§4). */
  nextRecordedAt(): string {
    return nextRecordedAt(Date.now(), this.lastRecordedAt);
  }
}
