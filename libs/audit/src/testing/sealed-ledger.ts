import type { EventStore, JsonObject, NewEvent, StoredEvent } from '@portfolio/event-store';
import { randomUUID, type KeyObject } from 'node:crypto';
import { HistorySealer } from '../seal/history-sealer';
import { recordedSealOf } from '../seal/recorded-seal';
import { SEAL_EVENT_TYPE, type RecordedSeal } from '../seal/seal';

// A small log for the audit's tests, appended through a real store (real positions and hashes) and sealed twice by
// the real sealer. By index (position = index + 1 on SQLite and PostgreSQL):
//  0 mission-IDNUM r0 · 1 franceconnect r0 · 2 hubee r0 · 3 franceconnect r1 · 4 hubee r1 · 5 franceconnect r2
//  6 seal citp-2021-s2 (of 0..5) · 7 hubee r2 · 8 vitam r0 · 9 franceconnect r3 · 10 seal citp-2022-s1 (of 0..9)
// 11 franceconnect r4 · 12 vitam r1 (10 to 12 are unsealed: a seal cannot cover its own event)

/** The log as stored, and the seals its ReviewCycleHeld events record. */
export interface SealedLedger {
  readonly events: readonly StoredEvent[];
  readonly seals: readonly RecordedSeal[];
}

const actor = { id: 'agent-1', name: 'Camille Martin', role: 'programme-office', organisation: 'DINUM' };

/** An event as the command path would append it, by an agent of the programme office. */
export function newEvent(type: string, data: JsonObject): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata: { actor, commandId: randomUUID() } };
}

const measure = (projectId: string, value: number, period: string) =>
  newEvent('IndicatorMeasured', {
    projectId,
    indicatorId: 'users',
    value,
    period,
    territory: { level: 'national', code: 'FR' },
  });

const launch = (projectId: string, title: string) =>
  newEvent('ProjectLaunched', { projectId, missionCode: 'IDNUM', title, launchedOn: '2021-03-01' });

const reach = (projectId: string, milestoneId: string, reachedOn: string) =>
  newEvent('MilestoneReached', { projectId, milestoneId, reachedOn });

/** Appends the ledger to an empty store, sealing with `key`. */
export async function appendSealedLedger(store: EventStore, key: KeyObject): Promise<SealedLedger> {
  const sealer = new HistorySealer(store, key);
  const hold = async (cycleId: string, heldOn: string) => {
    const seal = await sealer.sealUpToHead(cycleId, heldOn);
    const data = { ...seal, title: `CITP ${heldOn}` };
    await store.append(`review-cycle-${cycleId}`, [newEvent(SEAL_EVENT_TYPE, data)], 'no_stream');
  };
  const mission = newEvent('MissionDefined', { missionCode: 'IDNUM', name: 'Identité numérique' });
  await store.append('mission-IDNUM', [mission], 'no_stream');
  await store.append('project-franceconnect', [launch('franceconnect', 'FranceConnect')], 'no_stream');
  await store.append('project-hubee', [launch('hubee', 'Hubee')], 'no_stream');
  await store.append('project-franceconnect', [measure('franceconnect', 28_000_000, '2021-06-30')], 0n);
  await store.append('project-hubee', [reach('hubee', 'pilot', '2021-06-15')], 0n);
  await store.append('project-franceconnect', [measure('franceconnect', 30_500_000, '2021-09-30')], 1n);
  await hold('citp-2021-s2', '2021-10-05');
  await store.append('project-hubee', [measure('hubee', 120, '2021-12-31')], 1n);
  await store.append('project-vitam', [launch('vitam', 'Vitam')], 'no_stream');
  await store.append('project-franceconnect', [measure('franceconnect', 33_000_000, '2021-12-31')], 2n);
  await hold('citp-2022-s1', '2022-02-15');
  await store.append('project-franceconnect', [reach('franceconnect', 'plus', '2022-03-01')], 3n);
  await store.append('project-vitam', [measure('vitam', 12, '2022-03-31')], 0n);
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  const seals = events.filter((event) => event.type === SEAL_EVENT_TYPE).map((event) => recordedSealOf(event));
  return { events, seals: seals as RecordedSeal[] };
}
