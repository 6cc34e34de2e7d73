import type { StoredEvent } from '@portfolio/event-store';
import { csvHeader, csvLine } from './event-csv';
import { exportEventLine } from './export-format';

/** events.ndjson, line by line, showing each event to `see` on its way: one read serves the file and the manifest. */
export async function* ndjsonLines(
  events: AsyncIterable<StoredEvent>,
  see?: (event: StoredEvent) => void,
): AsyncIterable<string> {
  for await (const event of events) {
    see?.(event);
    yield exportEventLine(event);
  }
}

/** events.csv, header first, line by line. */
export async function* csvLines(events: AsyncIterable<StoredEvent>): AsyncIterable<string> {
  yield csvHeader();
  for await (const event of events) yield csvLine(event);
}
