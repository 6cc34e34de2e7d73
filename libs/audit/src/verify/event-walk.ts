import { parseEventLine, positionHint } from './event-line';
import type { ExportChecker } from './export-checker';
import { fail } from './export-problem';
import { ndjsonLines, OverlongLineError } from './ndjson-lines';

// Far above any event the ledger writes; below what would strain an auditor's machine.
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface WalkOptions {
  /** Names the file in line-level problems (the bundle entry); absent for a bare NDJSON file. */
  readonly file?: string;
  readonly onProgress?: (eventsRead: number, bytesRead: number) => void;
  readonly progressEvery: number;
}

/** Feeds each line of events.ndjson to the checker, in order, one at a time. */
export async function walkEvents(
  chunks: AsyncIterable<Buffer>,
  checker: ExportChecker,
  options: WalkOptions,
): Promise<void> {
  const { file, onProgress, progressEvery } = options;
  let bytesRead = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  try {
    for await (const line of ndjsonLines(counted(), MAX_LINE_BYTES)) {
      const position = positionHint(line.bytes);
      if (!line.terminated) {
        const after = checker.last === undefined ? 'before the first event' : `after position ${checker.last}`;
        fail({
          code: 'truncated',
          position,
          file,
          line: line.number,
          message: `the file stops in the middle of line ${line.number}, ${after}: it was cut short`,
        });
      }
      const parsed = parseEventLine(line.bytes);
      if ('reason' in parsed) {
        fail({
          code: 'malformed_event',
          position,
          file,
          line: line.number,
          message: `line ${line.number}: ${parsed.reason}`,
        });
      }
      checker.accept(parsed.event, line.number);
      if (onProgress !== undefined && checker.eventsChecked % progressEvery === 0) {
        onProgress(checker.eventsChecked, bytesRead);
      }
    }
  } catch (error) {
    if (!(error instanceof OverlongLineError)) throw error;
    fail({ code: 'malformed_event', file, line: error.line, message: `line ${error.line} is longer than any event` });
  }
  onProgress?.(checker.eventsChecked, bytesRead);
}
