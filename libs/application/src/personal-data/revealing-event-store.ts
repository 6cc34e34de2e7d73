import type {
  AppendResult,
  CanonicalStoredEvent,
  EventHash,
  EventStore,
  ExpectedRevision,
  IssuedCommand,
  NewEvent,
  PositionRange,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  WaitOptions,
} from '@portfolio/event-store';
import type { PersonalData } from './personal-data';

/** Events revealed per key lookup while a read streams through the log. */
const REVEAL_BATCH = 500;

/**
 * The log as the reads see it: every event read comes out with its personal values revealed (or the placeholder
 * once erased). Hashes stay those of the stored envelopes; the exports that are verified read the store itself.
 */
export class RevealingEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly personal: PersonalData,
  ) {}

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.store.append(streamId, events, expected);
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return this.revealing(this.store.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.revealing(this.store.readAll(options));
  }

  readAllCanonical(options?: ReadAllOptions): AsyncIterable<CanonicalStoredEvent> {
    // The canonical texts are what an export copies and a verifier hashes: the envelopes, as stored.
    return this.store.readAllCanonical(options);
  }

  readHashes(range?: PositionRange): AsyncIterable<EventHash> {
    return this.store.readHashes(range);
  }

  async readByCommand(command: IssuedCommand): Promise<StoredEvent[]> {
    return this.personal.reveal(await this.store.readByCommand(command));
  }

  async readPositions(positions: readonly bigint[]): Promise<StoredEvent[]> {
    return this.personal.reveal(await this.store.readPositions(positions));
  }

  head(): Promise<bigint> {
    return this.store.head();
  }

  positionAt(instant: string): Promise<bigint> {
    return this.store.positionAt(instant);
  }

  waitForEvents(after: bigint, options: WaitOptions): Promise<bigint> {
    return this.store.waitForEvents(after, options);
  }

  probeWrite(): Promise<void> {
    return this.store.probeWrite();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async *revealing(events: AsyncIterable<StoredEvent>): AsyncIterable<StoredEvent> {
    let batch: StoredEvent[] = [];
    for await (const event of events) {
      batch.push(event);
      if (batch.length >= REVEAL_BATCH) {
        yield* await this.personal.reveal(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield* await this.personal.reveal(batch);
  }
}
