import { bySealedPosition, recordedSealOf, sameSeal } from './recorded-seal';
import type { RecordedSeal } from './seal';

const held = Object.freeze({
  type: 'ReviewCycleHeld',
  position: 11n,
  data: Object.freeze({
    cycleId: 'citp-2022-s1',
    title: '1er CITP 2022',
    heldOn: '2022-02-15',
    sealedPosition: '10',
    eventCount: 10,
    merkleRoot: 'a'.repeat(64),
    signature: 'c2lnbmF0dXJl',
  }),
});

const seal: RecordedSeal = {
  cycleId: 'citp-2022-s1',
  heldOn: '2022-02-15',
  sealedPosition: '10',
  eventCount: 10,
  merkleRoot: 'a'.repeat(64),
  signature: 'c2lnbmF0dXJl',
  position: '11',
};

describe('recordedSealOf', () => {
  it('reads the seal a ReviewCycleHeld event records, where it records it, and nothing else', () => {
    expect(recordedSealOf(held)).toEqual(seal);
  });

  it('finds no seal in another type of event', () => {
    expect(recordedSealOf({ ...held, type: 'ProjectLaunched' })).toBe('a ProjectLaunched event records no seal');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no cycleId', { cycleId: undefined }, 'cycleId must be a non-empty string'],
    ['a heldOn that is not a date', { heldOn: '15/02/2022' }, 'heldOn must be a YYYY-MM-DD date'],
    ['a numeric sealedPosition', { sealedPosition: 10 }, 'sealedPosition must be a decimal string'],
    ['an eventCount in a string', { eventCount: '10' }, 'eventCount must be a non-negative integer'],
    ['an upper-case merkleRoot', { merkleRoot: 'A'.repeat(64) }, 'merkleRoot must be 64 lowercase hex digits'],
    ['no signature', { signature: undefined }, 'signature must be a string'],
    ['a seal of its own event', { sealedPosition: '11' }, 'sealedPosition must be before the seal event'],
  ])('says why data with %s is no seal', (_, change, problem) => {
    expect(recordedSealOf({ ...held, data: { ...held.data, ...change } })).toMatch(problem);
  });
});

describe('sameSeal', () => {
  it('compares every field of the seal', () => {
    expect(sameSeal(seal, { ...seal })).toBe(true);
    for (const [field, value] of Object.entries({ heldOn: '2022-02-16', eventCount: 9, position: '12' })) {
      expect(sameSeal(seal, { ...seal, [field]: value })).toBe(false);
    }
  });
});

describe('bySealedPosition', () => {
  it('orders seals by the position they seal, as numbers, not as text', () => {
    const ten = { ...seal, sealedPosition: '10' };
    const nine = { ...seal, sealedPosition: '9' };
    expect([ten, nine].sort(bySealedPosition)).toEqual([nine, ten]);
  });
});
