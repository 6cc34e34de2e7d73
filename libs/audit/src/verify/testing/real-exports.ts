import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Checkpointer } from '../../checkpoint/checkpointer';
import type { CheckpointTsa } from '../../checkpoint/checkpoint-timestamp';
import type { LatestCosigned } from '../../export/audit-exporter';
import type { EventSelector } from '../../export/export-plan';
import { merkleRoot } from '../../merkle/merkle-tree';
import { TEST_LOG_ORIGIN, testExporter } from '../../testing/bundle-file';
import { MemoryCheckpointStore } from '../../testing/memory-checkpoint-store';
import { signCheckpoint } from '../../transparency/checkpoint-note';
import { cosignatureSigner } from '../../transparency/cosignature';
import { ed25519NoteSigner } from '../../transparency/ed25519-note-key';
import { signText } from '../../transparency/sign-note';
import { formatNote, parseNote } from '../../transparency/signed-note';
import type { Witness } from './anchored-log';

// Exports written by the real exporter from a real store, with what the instance adds to their trailers (a
// witnessed checkpoint, time-stamps), and the checkpoints an auditor might hold: what the anchors are checked on.

const now = () => new Date('2022-04-01T08:00:00.000Z');

/** One project's stream when `projectId` is asked for; the whole log otherwise (read from the store). */
function projectSelector(store: EventStore): EventSelector {
  return {
    select: ({ projectId }) => ({
      filters: projectId === undefined ? ({} as Record<string, string>) : { projectId },
      events: (upTo) => {
        if (projectId === undefined) throw new Error('a full export reads the store, not a selection');
        return store.readStream(`project-${projectId}`, { toPosition: upTo });
      },
    }),
  };
}

export interface ExportOptions {
  readonly projectId?: string;
  readonly latestCosigned?: LatestCosigned;
  readonly tsa?: CheckpointTsa;
}

/** Writes an export of the store to `dir`, as GET /audit/export would serve it. */
export async function writeExport(
  store: EventStore,
  key: KeyObject,
  dir: string,
  format: 'ndjson' | 'csv' | 'bundle',
  options: ExportOptions = {},
): Promise<string> {
  const checkpointer = new Checkpointer(store, new MemoryCheckpointStore(), {
    origin: TEST_LOG_ORIGIN,
    key,
    now,
    ...(options.tsa === undefined ? {} : { tsa: options.tsa }),
  });
  const exporter = testExporter(store, key, {
    selector: projectSelector(store),
    checkpointer,
    ...(options.latestCosigned === undefined ? {} : { latestCosigned: options.latestCosigned }),
  });
  const plan = await exporter.plan(options.projectId === undefined ? {} : { projectId: options.projectId });
  const path = join(dir, `${format}-${Math.random().toString(36).slice(2)}.${format === 'bundle' ? 'zip' : format}`);
  await pipeline(exporter[format](plan), createWriteStream(path));
  return path;
}

/** The instance's checkpoint of the first `size` of these event hashes, as GET /audit/checkpoint serves it. */
export function instanceCheckpoint(key: KeyObject, hashes: readonly string[], size: number): string {
  const root = merkleRoot(hashes.slice(0, size));
  return signCheckpoint({ origin: TEST_LOG_ORIGIN, size, root }, [ed25519NoteSigner(TEST_LOG_ORIGIN, key)]);
}

/** The note with these witnesses' cosignatures added, as the instance stores it once they have cosigned. */
export function cosignedBy(note: string, witnesses: readonly Witness[]): string {
  const parsed = parseNote(note);
  const lines = witnesses.map((w) => signText(parsed.text, cosignatureSigner(w.name, w.key, now)));
  return formatNote({ text: parsed.text, signatures: [...parsed.signatures, ...lines] });
}
