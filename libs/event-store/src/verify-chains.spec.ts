// recomputeEvent: the canonical texts an event's hash covers, and that hash, from one serialisation of each payload.
import { computeEventHash, GENESIS_HASH } from './hash-chain';
import type { StoredEvent } from './stored-event';
import { recomputedEventHash, recomputeEvent } from './verify-chains';

const event: StoredEvent = {
  position: 1n,
  streamId: 'project-franceconnect',
  revision: 0n,
  eventId: '6f1c1d0e-8f7a-4c1e-9a57-3c1f0b9f7a10',
  type: 'ProjectLaunched',
  schemaVersion: 1,
  // Keys out of code unit order, as a parsed payload may hold them: the texts put them in order.
  data: { title: 'FranceConnect', projectId: 'franceconnect' },
  metadata: { commandId: 'c-1', actor: { role: 'admin', id: 'agent-1' } },
  recordedAt: '2021-02-05T10:00:00.000Z',
  prevHash: GENESIS_HASH,
  hash: 'b'.repeat(64),
};

describe('recomputeEvent', () => {
  it('gives the payloads as canonical JSON and the hash of the event made from those texts', () => {
    const recomputed = recomputeEvent(event);

    expect(recomputed).toEqual({
      dataText: '{"projectId":"franceconnect","title":"FranceConnect"}',
      metadataText: '{"actor":{"id":"agent-1","role":"admin"},"commandId":"c-1"}',
      hash: computeEventHash({
        ...event,
        canonicalData: '{"projectId":"franceconnect","title":"FranceConnect"}',
        canonicalMetadata: '{"actor":{"id":"agent-1","role":"admin"},"commandId":"c-1"}',
      }),
    });
    expect(recomputedEventHash(event)).toBe(recomputed.hash);
  });

  it('recomputes another hash when a payload changes, whatever hash the event carries', () => {
    const altered = { ...event, data: { ...event.data, title: 'FranceConnect+' } };

    expect(recomputeEvent(altered).hash).not.toBe(recomputeEvent(event).hash);
    expect(recomputeEvent({ ...event, hash: 'c'.repeat(64) }).hash).toBe(recomputeEvent(event).hash);
  });
});
