// Test support: events as the SQL stores wrote them before idempotency keys were scoped to the principal (schema
// version 2): the bare `metadata.commandId` in the indexed `command_id` column, whoever sent the command.
import { randomUUID } from 'node:crypto';
import { chainEvents, prepareAppend } from '../prepare-append';
import type { EventStore } from '../event-store.port';
import type { JsonObject } from '../stored-event';
import { verifyChains } from '../verify-chains';
import { newEvent } from './event-store-contract';

/** The schema version the stores had before the command key named the principal. */
export const UNSCOPED_COMMAND_ID_VERSION = 2;

/** One events-table row of schema version 2, its values in the order of UNSCOPED_INSERT_COLUMNS. */
export type UnscopedRow = readonly (string | number)[];

/** The columns an UnscopedRow fills, in its order. */
export const UNSCOPED_INSERT_COLUMNS =
  'stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash, command_id';

const alice = { id: 'token:programme-office:0123456789ab', name: 'Alice', role: 'programme-office' };
// Not ASCII: the migrations' hex of the stored id must be the hex of its UTF-8 bytes, as the store computes it.
const agent = { id: 'agent-é-𝔸', name: 'Agent', role: 'admin' };

/** The commands the rows record, as readByCommand names them after the migration. */
export const UNSCOPED_COMMANDS = {
  alicesMay: { actorId: alice.id, commandId: 'may-2021' },
  agentsJune: { actorId: agent.id, commandId: 'june-2021' },
} as const;

/**
 * Four events on project-a: Alice's command `may-2021` (two events), the agent's `june-2021`, and an event whose
 * metadata names a command but no actor (it belongs to no principal's command).
 */
export function unscopedRows(): UnscopedRow[] {
  const metadata = (actor: JsonObject | undefined, commandId: string): JsonObject => ({
    ...(actor === undefined ? {} : { actor }),
    commandId,
  });
  const event = (type: string, meta: JsonObject) => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: {},
    metadata: meta,
  });
  const may = metadata(alice, 'may-2021');
  const events = [
    event('Measured', may),
    event('Measured', may),
    event('Measured', metadata(agent, 'june-2021')),
    event('Imported', metadata(undefined, 'import-2019')),
  ];
  const chained = chainEvents('project-a', prepareAppend('project-a', events), undefined, new Date().toISOString());
  return chained.map((e, i) => [
    e.streamId,
    e.revision.toString(),
    e.eventId,
    e.type,
    e.schemaVersion,
    e.canonicalData,
    e.canonicalMetadata,
    e.recordedAt,
    e.prevHash,
    e.hash,
    events[i].metadata.commandId as string,
  ]);
}

/**
 * What a store upgraded from unscopedRows() must show: each principal finds its own commands and no other's, a new
 * append is keyed by its principal, and the hash chains still verify.
 */
export async function expectCommandsScopedAfterUpgrade(store: EventStore): Promise<void> {
  const { alicesMay, agentsJune } = UNSCOPED_COMMANDS;
  expect((await store.readByCommand(alicesMay)).map((e) => e.revision)).toEqual([0n, 1n]);
  expect((await store.readByCommand(agentsJune)).map((e) => e.revision)).toEqual([2n]);
  expect(await store.readByCommand({ actorId: 'another', commandId: alicesMay.commandId })).toEqual([]);
  await store.append('project-a', [newEvent('Measured', {}, { actor: { id: 'another' }, commandId: 'may-2021' })], 3n);
  expect((await store.readByCommand({ actorId: 'another', commandId: 'may-2021' })).map((e) => e.revision)).toEqual([
    4n,
  ]);
  expect((await store.readByCommand(alicesMay)).map((e) => e.revision)).toEqual([0n, 1n]);
  expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 5 });
}
