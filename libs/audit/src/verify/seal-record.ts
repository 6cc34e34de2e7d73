import type { StoredEvent } from '@portfolio/event-store';
import type { ExportSeal } from '../export-format';
import { sealStatement } from '../seal';

/** The event that records a seal in the log (ARCHITECTURE §5). */
export const SEAL_EVENT_TYPE = 'ReviewCycleHeld';

const DECIMAL = /^(0|[1-9]\d*)$/;

/** Why this is not a well-formed seal, or undefined when it is. */
export function sealProblem(seal: ExportSeal): string | undefined {
  try {
    // The signer's own validation: a seal that could not have been signed is malformed, not merely unsigned.
    sealStatement(seal);
  } catch (error) {
    return (error as Error).message.replace(/^cannot seal: /, '');
  }
  if (typeof seal.signature !== 'string') return 'signature must be a string';
  if (typeof seal.position !== 'string' || !DECIMAL.test(seal.position)) return 'position must be a decimal string';
  // A seal covers what was already in the log when it was held, so its own event comes after what it seals.
  if (BigInt(seal.sealedPosition) >= BigInt(seal.position)) return 'sealedPosition must be before the seal event';
  return undefined;
}

/** The seal a ReviewCycleHeld event records, or why its data is not one. */
export function sealOfEvent(event: StoredEvent): ExportSeal | string {
  const { cycleId, heldOn, sealedPosition, eventCount, merkleRoot, signature } = event.data;
  const seal = {
    cycleId,
    heldOn,
    sealedPosition,
    eventCount,
    merkleRoot,
    signature,
    position: event.position.toString(),
  };
  return sealProblem(seal as ExportSeal) ?? (seal as ExportSeal);
}

/** Whether two records describe the same seal, field by field (a title or other extra is not part of a seal). */
export function sameSeal(a: ExportSeal, b: ExportSeal): boolean {
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
