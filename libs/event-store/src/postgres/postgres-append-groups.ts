// Group commit for the PostgreSQL store: the appends that arrive while one call is in flight go in the next call.
import {
  chainEvents,
  checkExpectedRevision,
  type ChainedEvent,
  type PreparedEvent,
  type StreamTip,
} from '../prepare-append';
import type { AppendResult, ExpectedRevision } from '../stored-event';
import type { StreamTips } from './stream-tips';

/** An append waiting for a group. */
interface PendingAppend {
  readonly streamId: string;
  readonly prepared: readonly PreparedEvent[];
  readonly expected: ExpectedRevision;
  /** The remembered tip was read from the server for this append: a refusal by it is final. */
  fresh: boolean;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** An append of a group, chained and hashed over the tip it will be checked against. */
export interface ChainedAppend {
  readonly streamId: string;
  readonly tip: StreamTip | undefined;
  readonly events: readonly ChainedEvent[];
}

/** What append_event_group (migration 6) answers for one append: its last position, or why it wrote nothing. */
export interface GroupOutcome {
  readonly last_position: string | null;
  readonly tip_revision: string | null;
  readonly tip_hash: string | null;
  readonly last_recorded_at: string | null;
}

/** The store's side of the group commit: its server call and what it learns from each commit. */
export interface AppendGroupsPort {
  readonly tips: StreamTips;
  readTip(streamId: string): Promise<StreamTip | undefined>;
  /** One call of append_event_group; throws as a whole, or answers one outcome per append, in order. */
  sendGroup(recordedAt: string, appends: readonly ChainedAppend[]): Promise<GroupOutcome[]>;
  /** Whether a failed call may have been committed (the connection was lost): it is then not retried. */
  mayHaveCommitted(error: unknown): boolean;
  translate(error: unknown): unknown;
  committed(position: bigint): void;
}

/** Calls of append_event_group a store has in flight at once. */
const CALLS_IN_FLIGHT = 2;

interface Group {
  readonly recordedAt: string;
  readonly members: readonly { readonly pending: PendingAppend; readonly chained: ChainedAppend }[];
}

/**
 * The appends queued while calls are in flight form the next group, which shares one head-row lock, one commit and
 * its WAL flush. Two calls may be in flight: while the server runs one, Node chains and encodes the next, instead of
 * each waiting for the other. A stream is in at most one group in flight: a second append to it waits for a later
 * group, where it is chained over the first as committed (chaining it over a first that the server may refuse would
 * judge its expected revision by a state that may never exist).
 */
export class AppendGroups {
  private readonly queue: PendingAppend[] = [];
  private callsInFlight = 0;
  private readonly streamsInFlight = new Set<string>();
  private sendScheduled = false;

  constructor(private readonly port: AppendGroupsPort) {}

  append(streamId: string, prepared: readonly PreparedEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const pending: PendingAppend = { streamId, prepared, expected, fresh: false, resolve, reject };
      if (this.port.tips.knows(streamId)) this.enqueue(pending);
      else void this.refreshTip(pending);
    });
  }

  private enqueue(pending: PendingAppend): void {
    this.queue.push(pending);
    if (this.callsInFlight === 0) return this.sendNext();
    if (this.sendScheduled) return;
    // On the next turn of the event loop, so that the appends made in this one join the same group.
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      this.sendNext();
    });
  }

  private sendNext(): void {
    if (this.callsInFlight >= CALLS_IN_FLIGHT || this.queue.length === 0) return;
    const group = this.takeGroup();
    if (group.members.length === 0) return;
    const streams = group.members.map((m) => m.pending.streamId);
    for (const streamId of streams) this.streamsInFlight.add(streamId);
    this.callsInFlight += 1;
    void this.send(group).finally(() => {
      this.callsInFlight -= 1;
      for (const streamId of streams) this.streamsInFlight.delete(streamId);
      this.sendNext();
    });
  }

  /** The queued appends, each chained over its stream's remembered tip; the ones left for later stay queued. */
  private takeGroup(): Group {
    const recordedAt = this.port.tips.nextRecordedAt();
    const streams = new Set<string>();
    const members: Group['members'][number][] = [];
    const later: PendingAppend[] = [];
    for (const pending of this.queue.splice(0)) {
      if (streams.has(pending.streamId) || this.streamsInFlight.has(pending.streamId)) later.push(pending);
      else if (!this.port.tips.knows(pending.streamId)) void this.refreshTip(pending);
      else {
        const chained = this.chain(pending, recordedAt);
        if (chained === undefined) continue;
        streams.add(pending.streamId);
        members.push({ pending, chained });
      }
    }
    this.queue.push(...later);
    return { recordedAt, members };
  }

  private chain(pending: PendingAppend, recordedAt: string): ChainedAppend | undefined {
    const { streamId, prepared, expected } = pending;
    const tip = this.port.tips.tipOf(streamId);
    try {
      checkExpectedRevision(streamId, expected, tip);
    } catch (error) {
      // A remembered tip may be behind the stream: the actual one is read before refusing.
      if (pending.fresh) pending.reject(error);
      else void this.refreshTip(pending);
      return undefined;
    }
    return { streamId, tip, events: chainEvents(streamId, prepared, tip, recordedAt) };
  }

  private async refreshTip(pending: PendingAppend): Promise<void> {
    try {
      this.port.tips.remember(pending.streamId, await this.port.readTip(pending.streamId));
    } catch (error) {
      pending.reject(error);
      return;
    }
    pending.fresh = true;
    this.enqueue(pending);
  }

  private async send(group: Group): Promise<void> {
    let outcomes: GroupOutcome[];
    try {
      outcomes = await this.port.sendGroup(
        group.recordedAt,
        group.members.map((m) => m.chained),
      );
    } catch (error) {
      if (group.members.length === 1 || this.port.mayHaveCommitted(error)) {
        for (const { pending } of group.members) pending.reject(this.port.translate(error));
        return;
      }
      // The server refused the call, so nothing of it was written: one call each tells which append was at fault.
      for (const member of group.members) await this.send({ recordedAt: group.recordedAt, members: [member] });
      return;
    }
    outcomes.forEach((outcome, i) => this.settle(group.members[i], outcome, group.recordedAt));
  }

  private settle({ pending, chained }: Group['members'][number], outcome: GroupOutcome, recordedAt: string): void {
    const { tips } = this.port;
    if (outcome.last_position !== null) {
      const last = chained.events[chained.events.length - 1];
      tips.remember(pending.streamId, { revision: last.revision, hash: last.hash });
      tips.noteRecordedAt(recordedAt);
      const position = BigInt(outcome.last_position);
      this.port.committed(position);
      pending.resolve({ revision: last.revision, position });
      return;
    }
    // The tip or the log's last recordedAt moved: learnt from the answer, the append is chained again in a later group.
    tips.remember(
      pending.streamId,
      outcome.tip_revision === null || outcome.tip_hash === null
        ? undefined
        : { revision: BigInt(outcome.tip_revision), hash: outcome.tip_hash },
    );
    tips.noteRecordedAt(outcome.last_recorded_at);
    pending.fresh = true;
    this.queue.push(pending);
  }
}
