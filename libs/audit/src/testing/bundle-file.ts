import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Checkpointer } from '../checkpoint/checkpointer';
import { AuditExporter, type LatestCosigned } from '../export/audit-exporter';
import type { EventSelector } from '../export/export-plan';
import { MemoryCheckpointStore } from './memory-checkpoint-store';

// Exports written by the real exporter from a real store, as GET /audit/export does.

/** The origin of the checkpoints that test exporters sign. */
export const TEST_LOG_ORIGIN = 'example.gouv.fr/portfolio-ledger';
const now = () => new Date('2022-04-01T08:00:00.000Z');

/** An unfiltered export reads the whole log from the store itself: the selection is never read. */
const wholeLogOnly: EventSelector = {
  select: () => ({
    filters: {},
    events: () => {
      throw new Error('a full export reads the store, not a selection');
    },
  }),
};

/** The exporter of an instance whose checkpointer signs with `key` (checkpoints kept in memory unless given). */
export function testExporter(
  store: EventStore,
  key: KeyObject,
  options: { selector?: EventSelector; checkpointer?: Checkpointer; latestCosigned?: LatestCosigned } = {},
): AuditExporter {
  const checkpointer =
    options.checkpointer ?? new Checkpointer(store, new MemoryCheckpointStore(), { origin: TEST_LOG_ORIGIN, key, now });
  return new AuditExporter(store, checkpointer, key, options.selector ?? wholeLogOnly, now, options.latestCosigned);
}

export async function writeWholeBundle(store: EventStore, key: KeyObject, path: string): Promise<void> {
  const exporter = testExporter(store, key);
  await pipeline(exporter.bundle(await exporter.plan({})), createWriteStream(path));
}
