import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AuditExporter } from '../export/audit-exporter';
import type { EventSelector } from '../export/export-plan';

// A bundle of the whole log written by the real exporter from a real store, as GET /audit/export?format=bundle does.

/** An unfiltered export reads the whole log from the store itself: the selection is never read. */
const wholeLogOnly: EventSelector = {
  select: () => ({
    filters: {},
    events: () => {
      throw new Error('a full export reads the store, not a selection');
    },
  }),
};

export async function writeWholeBundle(store: EventStore, key: KeyObject, path: string): Promise<void> {
  const exporter = new AuditExporter(store, key, wholeLogOnly, () => new Date('2022-04-01T08:00:00.000Z'));
  await pipeline(exporter.bundle(await exporter.plan({})), createWriteStream(path));
}
