import type { ExportTrailer } from '../export/export-trailer';
import { bySealedPosition, recordedSealOf } from '../seal/recorded-seal';
import { SEAL_EVENT_TYPE, type RecordedSeal } from '../seal/seal';
import { readCsvExport } from './csv-events';
import type { WalkOptions } from './event-walk';
import type { ExportChecker } from './export-checker';
import type { Prescan } from './prescan-export';

// events.csv through the same checks as events.ndjson: a first pass for its seals and trailer, then the walk.

/** The seals its ReviewCycleHeld rows record, in sealedPosition order, and its trailer. */
export async function prescanCsv(chunks: AsyncIterable<Buffer>): Promise<Prescan> {
  const seals: RecordedSeal[] = [];
  const trailer = await readCsvExport(chunks, (event) => {
    if (event.type !== SEAL_EVENT_TYPE) return;
    // One that is not a seal is reported where it is, by the walk.
    const seal = recordedSealOf(event);
    if (typeof seal !== 'string') seals.push(seal);
  });
  return { seals: seals.sort(bySealedPosition), trailer };
}

/** Feeds each event of events.csv to the checker, in order, and returns the trailer that ends it. */
export async function walkCsvEvents(
  chunks: AsyncIterable<Buffer>,
  checker: ExportChecker,
  options: WalkOptions,
): Promise<ExportTrailer> {
  const { file, onProgress, progressEvery, seeEvent } = options;
  let bytesRead = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  const trailer = await readCsvExport(
    counted(),
    (event, line) => {
      checker.accept(event, line);
      seeEvent?.(event);
      if (onProgress !== undefined && checker.eventsChecked % progressEvery === 0) {
        onProgress(checker.eventsChecked, bytesRead);
      }
    },
    { file },
  );
  onProgress?.(checker.eventsChecked, bytesRead);
  return trailer;
}
