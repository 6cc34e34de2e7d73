/**
 * A log exported as NDJSON, written into an empty store event by event through the store's own append, each at the
 * instant it was first recorded: the store hashes it again, and the import fails unless every position, recordedAt
 * and hash comes out as exported. What a restore onto a new instance would do, for the golden logs' replays.
 */
import type { EventStore, JsonObject } from '@portfolio/event-store';

interface ExportedEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The events of an NDJSON export, without its trailer (or, in a filtered export, its inclusion proofs). */
export function exportedEvents(ndjson: string): ExportedEvent[] {
  return ndjson
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Partial<ExportedEvent>)
    .filter((line): line is ExportedEvent => line.position !== undefined);
}

/** Appends the exported events to an empty store as first recorded, and checks that the store holds them unchanged. */
export async function importExportedLog(store: EventStore, ndjson: string): Promise<number> {
  const events = exportedEvents(ndjson);
  // recordedAt is the store's clock at append, and covered by the hash: the clock is set back to each event's instant.
  const clock = jest.spyOn(Date, 'now');
  try {
    for (const event of events) {
      clock.mockReturnValue(Date.parse(event.recordedAt));
      const revision = BigInt(event.revision);
      const { eventId, type, schemaVersion, data, metadata } = event;
      await store.append(
        event.streamId,
        [{ eventId, type, schemaVersion, data, metadata }],
        revision === 0n ? 'no_stream' : revision - 1n,
      );
    }
  } finally {
    clock.mockRestore();
  }
  let index = 0;
  for await (const stored of store.readAll()) {
    const exported = events[index++];
    const as = {
      position: stored.position.toString(),
      recordedAt: stored.recordedAt,
      prevHash: stored.prevHash,
      hash: stored.hash,
    };
    const was = {
      position: exported.position,
      recordedAt: exported.recordedAt,
      prevHash: exported.prevHash,
      hash: exported.hash,
    };
    if (JSON.stringify(as) !== JSON.stringify(was)) {
      throw new Error(
        `event ${exported.eventId} was exported as ${JSON.stringify(was)}, imported as ${JSON.stringify(as)}`,
      );
    }
  }
  if (index !== events.length) throw new Error(`${events.length} events exported, ${index} imported`);
  return index;
}
