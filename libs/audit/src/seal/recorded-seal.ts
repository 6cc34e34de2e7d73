import type { StoredEvent } from '@portfolio/event-store';
import { SEAL_EVENT_TYPE, type RecordedSeal } from './seal';
import { sealFieldsProblem } from './seal-statement';

// Recorded seals come from logs and manifests under audit: every field is checked before a verifier relies on it.

const DECIMAL = /^(0|[1-9]\d*)$/;

/**
 * The seal described by `fields` (a ReviewCycleHeld event's data, or a manifest's seal) recorded at `position`, or
 * why it is not a well-formed one. Only the seal's own fields are kept: a title or other extra is not part of it.
 */
export function recordedSealFrom(fields: Readonly<Record<string, unknown>>, position: unknown): RecordedSeal | string {
  const { cycleId, heldOn, sealedPosition, eventCount, merkleRoot, signature } = fields;
  const seal = { cycleId, heldOn, sealedPosition, eventCount, merkleRoot, signature, position } as RecordedSeal;
  // The signer's own validation: a seal that could not have been signed is malformed, not merely unsigned.
  const problem = sealFieldsProblem(seal);
  if (problem !== undefined) return problem;
  if (typeof seal.signature !== 'string') return 'signature must be a string';
  if (typeof seal.position !== 'string' || !DECIMAL.test(seal.position)) return 'position must be a decimal string';
  // A seal covers what was already in the log when it was held, so its own event comes after what it seals.
  if (BigInt(seal.sealedPosition) >= BigInt(seal.position)) return 'sealedPosition must be before the seal event';
  return seal;
}

/** The seal a ReviewCycleHeld event records, or why it records none. */
export function recordedSealOf(event: Pick<StoredEvent, 'type' | 'position' | 'data'>): RecordedSeal | string {
  if (event.type !== SEAL_EVENT_TYPE) return `a ${event.type} event records no seal`;
  return recordedSealFrom(event.data, event.position.toString());
}

/** Whether two records describe the same seal, field by field. */
export function sameSeal(a: RecordedSeal, b: RecordedSeal): boolean {
  return (
    a.cycleId === b.cycleId &&
    a.heldOn === b.heldOn &&
    a.sealedPosition === b.sealedPosition &&
    a.eventCount === b.eventCount &&
    a.merkleRoot === b.merkleRoot &&
    a.signature === b.signature &&
    a.position === b.position
  );
}

/** Orders seals as they extend one another: by the position they seal up to. */
export function bySealedPosition(a: RecordedSeal, b: RecordedSeal): number {
  const [x, y] = [BigInt(a.sealedPosition), BigInt(b.sealedPosition)];
  return x < y ? -1 : x > y ? 1 : 0;
}
