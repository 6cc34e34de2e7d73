// Test support: domain events as the log stores them, for projector specs.
import { EVENT_SCHEMA_VERSIONS, streamIdOf, type DomainEvent } from '@portfolio/domain';
import {
  canonicalJson,
  computeEventHash,
  GENESIS_HASH,
  type JsonObject,
  type StoredEvent,
} from '@portfolio/event-store';

/** The programme office's editor at DINUM, as the command path records the authenticated principal. */
export const programmeOffice = {
  id: 'proconnect:8c2f61d0-4b1e-4f7a-9d35-2a7e0c9b5e14',
  name: 'Claire Martin',
  role: 'programme-office',
  organisation: 'DINUM',
} as const;

// The first event's recording time; each next one a second later, as a programme office would enter them.
const FIRST_RECORDED_AT_MS = Date.parse('2021-06-30T08:00:00.000Z');

/**
 * The log holding these events in this order, from position 1: streams, revisions, hash chains and the command
 * metadata as an append would write them (one command per event, by the programme office).
 */
export function logOf(...events: readonly DomainEvent[]): StoredEvent[] {
  const tips = new Map<string, { revision: bigint; hash: string }>();
  return events.map((event, index) => {
    const position = BigInt(index + 1);
    const streamId = streamIdOf(event);
    const tip = tips.get(streamId);
    const revision = tip === undefined ? 0n : tip.revision + 1n;
    const prevHash = tip?.hash ?? GENESIS_HASH;
    const commandId = idOf('c', position);
    const unhashed = {
      eventId: idOf('e', position),
      type: event.type,
      schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
      data: event.data as unknown as JsonObject,
      metadata: {
        actor: programmeOffice,
        commandId,
        requestFingerprint: '3b'.repeat(32),
        correlationId: idOf('d', position),
        causationId: commandId,
      },
      streamId,
      revision,
      recordedAt: new Date(FIRST_RECORDED_AT_MS + index * 1000).toISOString(),
      prevHash,
    };
    const hash = computeEventHash({
      ...unhashed,
      canonicalData: canonicalJson(unhashed.data),
      canonicalMetadata: canonicalJson(unhashed.metadata),
    });
    tips.set(streamId, { revision, hash });
    return { ...unhashed, position, hash };
  });
}

/** A UUID that says what it names (`c` command, `d` correlation, `e` event) and at which position. */
function idOf(kind: 'c' | 'd' | 'e', position: bigint): string {
  return `${kind}0000000-0000-4000-8000-${position.toString().padStart(12, '0')}`;
}
