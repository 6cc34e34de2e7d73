import type { EventStore } from '@portfolio/event-store';
import { bySealedPosition, recordedSealOf } from './recorded-seal';
import { SEAL_EVENT_TYPE, type RecordedSeal } from './seal';

/** The seals a live store records, and the first ReviewCycleHeld event that records none (only tampering makes one). */
export interface SealsInStore {
  /** Well-formed seals, by sealed position. */
  readonly seals: readonly RecordedSeal[];
  readonly malformed: { readonly position: string; readonly problem: string } | undefined;
}

/** Every seal recorded up to `head`. */
export async function recordedSeals(store: EventStore, head: bigint): Promise<SealsInStore> {
  const seals: RecordedSeal[] = [];
  let malformed: SealsInStore['malformed'];
  for await (const event of store.readAll({ types: [SEAL_EVENT_TYPE], to: head })) {
    const seal = recordedSealOf(event);
    if (typeof seal !== 'string') seals.push(seal);
    else malformed ??= { position: event.position.toString(), problem: seal };
  }
  return { seals: seals.sort(bySealedPosition), malformed };
}
