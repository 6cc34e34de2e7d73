import type { CanonicalStoredEvent, StoredEvent } from '@portfolio/event-store';
import type { ExportCheckpoint } from './export-proofs';

/**
 * Events read from the store per page while exporting. Each page waits while the zip deflates it: pages of 1,000
 * outlived the young generation and V8 let the old one fill with them, about 100 MB past the live set (a full bundle
 * of a million events peaked at 343 MB RSS, 243 MB with pages of 100, which die young).
 */
export const EXPORT_PAGE_SIZE = 100;

/** The events a filtered export holds, as a query selects them. */
export interface EventSelection {
  /** The filters given, by name: the manifest records them and the file name shows them. */
  readonly filters: Readonly<Record<string, string>>;
  /** The selected events up to `upTo`, in position order. */
  events(upTo: bigint): AsyncIterable<StoredEvent>;
}

/**
 * Turns an export's filters into a selection of events (the application answers it from the read models). Throws
 * on a filter it cannot accept, before anything is exported.
 */
export interface EventSelector {
  select(filters: Readonly<Record<string, string | undefined>>): EventSelection;
}

/** What one export covers, fixed when it starts: later appends do not leak into a running export. */
export interface ExportPlan {
  /** The filters given (empty for the whole log). */
  readonly filters: Readonly<Record<string, string>>;
  readonly filtered: boolean;
  /** Position of the last event the export's checkpoint covers (0n for an empty log). */
  readonly head: bigint;
  /** The signed checkpoint at `head` and what proves the export against it; the trailer names it. */
  readonly proven: ExportCheckpoint;
  /** ISO-8601 instant. */
  readonly exportedAt: string;
  /** e.g. `portfolio-audit-20211215T101500Z-projectId-franceconnect` (without extension). */
  readonly baseName: string;
  /** The exported events, in position order (with their payloads' texts when the store gives them); each call reads them afresh. */
  events(): AsyncIterable<StoredEvent | CanonicalStoredEvent>;
}

/** A file name saying when the export was made and what it selected, in characters every file system accepts. */
export function exportBaseName(exportedAt: string, filters: Readonly<Record<string, string>>): string {
  const suffix = Object.entries(filters)
    .map(([name, value]) => `${name}-${value}`.replace(/[^A-Za-z0-9-]+/g, '_'))
    .join('-');
  const instant = exportedAt.replace(/[-:]|\.\d+/g, '');
  return `portfolio-audit-${instant}${suffix === '' ? '' : `-${suffix}`}`.slice(0, 180);
}
