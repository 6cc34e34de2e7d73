import type { JsonObject, NewEvent } from '@portfolio/event-store';
import { randomBytes } from 'node:crypto';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import { ERASED_PLACEHOLDER, type PersonalEnvelope, type PersonalKey } from './personal-envelope';
import { concealEvents, envelopeKeyIds, revealValue } from './personal-values';

const subject = 'oidc:https://issuer.test#marie';
const key: PersonalKey = { id: '2026-12.k1', subject, secret: randomBytes(32) };
const keys = new Map([[key.id, key]]);
const metadata: JsonObject = {
  actor: { id: subject, name: 'Marie Curie', role: 'programme-office', organisation: 'DINUM' },
  commandId: 'c1',
};
const events = deepFreeze<readonly NewEvent[]>([
  {
    eventId: 'e1',
    type: 'MilestoneReached',
    schemaVersion: 1,
    data: { projectId: 'p', milestoneId: 'm', reachedOn: '2026-12-01', evidence: 'Signed by Pierre', daysLate: 0 },
    metadata,
  },
  { eventId: 'e2', type: 'ProjectClosed', schemaVersion: 1, data: { projectId: 'p', note: 'Merci Marie' }, metadata },
]);

describe('personal values', () => {
  it('seals the actor and the fields the domain marks personal, and nothing else', () => {
    const [reached, closed] = concealEvents(events, key);
    const text = JSON.stringify([reached, closed]);
    for (const clear of ['Marie Curie', 'DINUM', 'Signed by Pierre', 'Merci Marie']) expect(text).not.toContain(clear);
    expect(reached.data).toMatchObject({ projectId: 'p', reachedOn: '2026-12-01', daysLate: 0 });
    expect(reached.metadata).toMatchObject({ actor: { id: subject, role: 'programme-office' }, commandId: 'c1' });
    expect(envelopeKeyIds(reached.metadata)).toEqual(new Set([key.id]));
  });

  it('seals the metadata the events of a command share once', () => {
    const [reached, closed] = concealEvents(events, key);
    expect(closed.metadata).toBe(reached.metadata);
  });

  it('uses a fresh IV for every value', () => {
    const [first] = concealEvents(events, key);
    const [second] = concealEvents(events, key);
    const ivOf = (event: NewEvent) => (event.data.evidence as unknown as PersonalEnvelope).$personal.iv;
    expect(ivOf(first)).not.toBe(ivOf(second));
  });

  it('reveals what it sealed', () => {
    const [reached] = concealEvents(events, key);
    expect(revealValue(reached.data, 'data', keys)).toEqual(events[0].data);
    expect(revealValue(reached.metadata, 'metadata', keys)).toEqual(metadata);
  });

  it('shows the placeholder where the key is gone', () => {
    const [reached] = concealEvents(events, key);
    expect(revealValue(reached.metadata, 'metadata', new Map())).toMatchObject({
      actor: { id: subject, name: ERASED_PLACEHOLDER, organisation: ERASED_PLACEHOLDER },
    });
  });

  it('refuses an envelope moved to another field: its associated data binds the field', () => {
    const [reached, closed] = concealEvents(events, key);
    const moved = { ...closed.data, note: reached.data.evidence };
    expect(revealValue(moved, 'data', keys)).toMatchObject({ note: ERASED_PLACEHOLDER });
  });

  it('refuses an envelope whose subject was rewritten, or whose ciphertext was altered', () => {
    const [reached] = concealEvents(events, key);
    const envelope = (reached.data.evidence as unknown as PersonalEnvelope).$personal;
    const otherSubject = { ...reached.data, evidence: { $personal: { ...envelope, subject: 'token:admin:1' } } };
    const flipped = Buffer.from(envelope.ct, 'base64url');
    flipped[0] ^= 1;
    const altered = { ...reached.data, evidence: { $personal: { ...envelope, ct: flipped.toString('base64url') } } };
    const otherKeys = new Map([[key.id, { ...key, subject: 'token:admin:1' }]]);
    expect(revealValue(otherSubject, 'data', otherKeys)).toMatchObject({ evidence: ERASED_PLACEHOLDER });
    expect(revealValue(altered, 'data', keys)).toMatchObject({ evidence: ERASED_PLACEHOLDER });
  });

  it('reads values recorded in clear, before personal data was encrypted, unchanged', () => {
    expect(revealValue(metadata, 'metadata', new Map())).toEqual(metadata);
  });
});
