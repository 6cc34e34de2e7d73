import type { AggregateStream, DecisionContext, DomainEvent } from '@portfolio/domain';
import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type StoredEvent,
} from '@portfolio/event-store';
import { todayInParis, type Clock } from '../clock/clock';
import type { WriteHealth } from '../event-store/write-health';
import { ConcurrencyConflictError, IdempotencyKeyReusedError, PreconditionFailedError } from './application-errors';
import type { CommandEnvelope } from './command-envelope';
import type { CommandResult } from './command-result';
import { StreamStateCache } from './stream-state-cache';
import { toDomainEvent, toNewEvents } from './domain-event-codec';
import type { PersonalData } from '../personal-data/personal-data';

/** How one command acts on one stream: fold the stream's history into a state, then decide. */
export interface StreamDecision<State> {
  readonly stream: AggregateStream<State>;
  readonly envelope: CommandEnvelope;
  readonly decide: (state: State, context: DecisionContext) => readonly DomainEvent[];
}

interface LoadedStream {
  /** The events read: all of the stream, or those after the cached revision when `continues`. */
  readonly events: DomainEvent[];
  /** Revision of the last event read, if any was. */
  readonly revision: bigint | undefined;
  readonly lastPosition: bigint;
  /** True when the events continue the cached state (the stream still holds it). */
  readonly continues: boolean;
}

/** Attempts before a command that keeps losing the race to other writers (other processes) gives up with 409. */
const MAX_ATTEMPTS = 10;

function backoff(attempt: number): Promise<void> {
  // Jittered and growing, so that processes racing for one stream stop colliding in step.
  const ms = Math.random() * 5 * 2 ** Math.min(attempt, 6);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs a decision against the stream it writes: load the stream, fold, decide, append at the loaded revision.
 * A lost race is retried from a fresh load unless the client pinned a revision with If-Match; a retried
 * idempotency key is answered from the events it recorded.
 */
export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly writes: WriteHealth,
    private readonly personal: PersonalData,
  ) {}

  /** Commands on one stream, in this process, one at a time: they would only lose races to each other. */
  private readonly streamQueues = new Map<string, Promise<unknown>>();
  private readonly states = new StreamStateCache();

  execute<State>(decision: StreamDecision<State>): Promise<CommandResult> {
    const { streamId } = decision.stream;
    const previous = this.streamQueues.get(streamId) ?? Promise.resolve();
    const run = previous.then(
      () => this.attempt(decision),
      () => this.attempt(decision),
    );
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.streamQueues.set(streamId, settled);
    void settled.then(() => {
      if (this.streamQueues.get(streamId) === settled) this.streamQueues.delete(streamId);
    });
    return run;
  }

  private async attempt<State>(decision: StreamDecision<State>): Promise<CommandResult> {
    const { stream, envelope } = decision;
    const { streamId } = stream;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (attempt > 1) await backoff(attempt);
      const earlier = await this.earlierResult(envelope);
      if (earlier !== undefined) return earlier;
      const cached = this.states.get(streamId);
      const loaded = await this.load(streamId, cached?.revision);
      const from = loaded.continues ? (cached?.state as State | undefined) : undefined;
      const revision = loaded.revision ?? (loaded.continues ? cached?.revision : undefined);
      const lastPosition = loaded.revision !== undefined ? loaded.lastPosition : (cached?.lastPosition ?? 0n);
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
        throw new PreconditionFailedError(streamId, envelope.expectedRevision, revision);
      }
      const state = stream.fold(loaded.events, from);
      const events = decision.decide(state, { today: todayInParis(this.clock) });
      if (revision !== undefined) this.states.set(streamId, { revision, lastPosition, state });
      if (events.length === 0) {
        // A command that changes nothing (the same value measured again) answers where the stream stands.
        return { streamId, revision: revision ?? -1n, position: lastPosition, appended: 0, replayed: false };
      }
      // Sealed before the append, so that the log never holds a personal value in clear (its key is stored first).
      const sealed = await this.personal.conceal(toNewEvents(events, envelope), envelope.actor.id);
      try {
        const written = await this.writes.observe(this.store.append(streamId, sealed, revision ?? 'no_stream'));
        this.states.set(streamId, {
          revision: written.revision,
          lastPosition: written.position,
          state: stream.fold(events, state),
        });
        return { streamId, ...written, appended: events.length, replayed: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (envelope.expectedRevision !== undefined) {
          throw new PreconditionFailedError(streamId, envelope.expectedRevision, actualRevision(error));
        }
      }
    }
    throw new ConcurrencyConflictError(streamId, MAX_ATTEMPTS);
  }

  /**
   * The first answer to this idempotency key, if the principal used it before (ARCHITECTURE §6). Keys are each
   * principal's own: the store finds only the actor's command, never another principal's under the same key.
   */
  private async earlierResult(envelope: CommandEnvelope): Promise<CommandResult | undefined> {
    if (!envelope.idempotencyKeyGiven) return undefined;
    const recorded = await this.store.readByCommand({ actorId: envelope.actor.id, commandId: envelope.commandId });
    if (recorded.length === 0) return undefined;
    if (recorded.some((event) => event.metadata.requestFingerprint !== envelope.requestFingerprint)) {
      throw new IdempotencyKeyReusedError(envelope.commandId);
    }
    const last = recorded[recorded.length - 1];
    return {
      streamId: last.streamId,
      revision: last.revision,
      position: last.position,
      appended: recorded.length,
      replayed: true,
    };
  }

  /** Reads the stream, or only its events after `afterRevision` (a cached state's). */
  private async load(streamId: string, afterRevision?: bigint): Promise<LoadedStream> {
    const events: DomainEvent[] = [];
    let last: StoredEvent | undefined;
    const fromRevision = afterRevision === undefined ? 0n : afterRevision + 1n;
    try {
      for await (const stored of this.store.readStream(streamId, { fromRevision })) {
        events.push(toDomainEvent(stored));
        last = stored;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      // The stream is gone (a store replaced under a running process): nothing cached about it holds.
      this.states.delete(streamId);
      return { events, revision: undefined, lastPosition: 0n, continues: false };
    }
    return {
      events,
      revision: last?.revision,
      lastPosition: last?.position ?? 0n,
      continues: afterRevision !== undefined,
    };
  }

  /** A stream's state as it stands, e.g. the mission a project launches into. */
  async state<State>(stream: AggregateStream<State>): Promise<State> {
    return stream.fold((await this.load(stream.streamId)).events);
  }
}

function actualRevision(error: WrongExpectedRevisionError): bigint | undefined {
  return error.actual === 'no_stream' ? undefined : error.actual;
}
