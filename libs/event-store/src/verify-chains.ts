import { canonicalJson } from './canonical-json';
import { CorruptedEventError } from './errors';
import type { EventStore } from './event-store.port';
import { computeEventHash, GENESIS_HASH } from './hash-chain';
import type { CanonicalTexts, StoredEvent } from './stored-event';

/** The first thing found wrong in the log: where, and why. */
export interface ChainProblem {
  readonly position: bigint;
  readonly streamId?: string;
  readonly revision?: bigint;
  readonly reason: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly lastPosition: bigint;
  readonly problem?: ChainProblem;
}

export interface VerifyChainsOptions {
  /** Stop at this position (default: walk every stored event, even one slipped in past the head). */
  readonly to?: bigint;
  /** Called every `progressEvery` events with the count so far and the position reached. */
  readonly onProgress?: (eventsChecked: number, position: bigint) => void;
  readonly progressEvery?: number;
  /** Called with every event that passed, so that a caller can build on the same walk of the log. */
  readonly onEvent?: (event: StoredEvent) => void;
}

interface StreamTip {
  readonly revision: bigint;
  readonly hash: string;
}

/** Why this event does not follow its stream's tip, or undefined when it does. */
export function chainBreak(
  event: StoredEvent,
  tip: StreamTip | undefined,
  previousRecordedAt?: string,
): string | undefined {
  return linkBreak(event, recomputedEventHash(event), tip, previousRecordedAt);
}

/** An event's payloads as canonical JSON, and the hash its content makes from them (whatever hash it carries). */
export interface RecomputedEvent extends CanonicalTexts {
  readonly hash: string;
}

/**
 * The canonical texts an event's hash covers, with that hash: a verifier that also writes the payloads (a CSV row to
 * compare) takes the texts from here rather than serialise each payload a second time.
 */
export function recomputeEvent(event: StoredEvent): RecomputedEvent {
  const dataText = canonicalJson(event.data);
  const metadataText = canonicalJson(event.metadata);
  return {
    dataText,
    metadataText,
    hash: computeEventHash({ ...event, canonicalData: dataText, canonicalMetadata: metadataText }),
  };
}

/** The hash an event's content makes, whatever hash it carries. */
export function recomputedEventHash(event: StoredEvent): string {
  return recomputeEvent(event).hash;
}

/**
 * chainBreak, with the event's hash already recomputed from its content: a verifier recomputes hashes in parallel,
 * ahead of the in-order checks, which then need only the event's place in its stream.
 */
export function linkBreak(
  event: Omit<StoredEvent, 'data' | 'metadata'>,
  recomputed: string,
  tip: StreamTip | undefined,
  previousRecordedAt?: string,
): string | undefined {
  const expectedRevision = tip === undefined ? 0n : tip.revision + 1n;
  if (event.revision !== expectedRevision) {
    return `revision ${event.revision} follows revision ${tip?.revision ?? 'none'} of the stream (expected ${expectedRevision}): an event was removed, inserted or reordered`;
  }
  const expectedPrev = tip === undefined ? GENESIS_HASH : tip.hash;
  if (event.prevHash !== expectedPrev) {
    return `prevHash ${event.prevHash} does not match the hash of the previous event of the stream (${expectedPrev})`;
  }
  if (recomputed !== event.hash) {
    return `stored hash ${event.hash} does not match the recomputed hash ${recomputed}: the event was altered`;
  }
  if (previousRecordedAt !== undefined && event.recordedAt < previousRecordedAt) {
    return `recordedAt ${event.recordedAt} is earlier than the previous event's ${previousRecordedAt}: the log was reordered`;
  }
  return undefined;
}

/**
 * Walks the whole log in position order and recomputes every stream's hash chain. Stops at the first problem:
 * one altered byte breaks every later hash of its stream, so the first break is the one to investigate.
 */
export async function verifyChains(store: EventStore, options: VerifyChainsOptions = {}): Promise<ChainReport> {
  const every = options.progressEvery ?? 10_000;
  const tips = new Map<string, StreamTip>();
  let eventsChecked = 0;
  let lastPosition = 0n;
  let lastRecordedAt: string | undefined;
  const report = (problem?: ChainProblem): ChainReport => ({
    ok: problem === undefined,
    eventsChecked,
    streamsChecked: tips.size,
    lastPosition,
    ...(problem === undefined ? {} : { problem }),
  });
  try {
    for await (const event of store.readAll(options.to === undefined ? {} : { to: options.to })) {
      const reason = chainBreak(event, tips.get(event.streamId), lastRecordedAt);
      if (reason !== undefined) {
        return report({ position: event.position, streamId: event.streamId, revision: event.revision, reason });
      }
      tips.set(event.streamId, { revision: event.revision, hash: event.hash });
      options.onEvent?.(event);
      lastRecordedAt = event.recordedAt;
      lastPosition = event.position;
      eventsChecked += 1;
      if (options.onProgress !== undefined && eventsChecked % every === 0)
        options.onProgress(eventsChecked, lastPosition);
    }
  } catch (error) {
    if (error instanceof CorruptedEventError) return report({ position: error.position, reason: error.message });
    throw error;
  }
  return report();
}
