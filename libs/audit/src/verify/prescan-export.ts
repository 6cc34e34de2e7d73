import { parseProofLine, TRAILER_KEY, type ExportTrailer } from '../export/export-trailer';
import { bySealedPosition, recordedSealOf } from '../seal/recorded-seal';
import { SEAL_EVENT_TYPE, type RecordedSeal } from '../seal/seal';
import { parseEventLine } from './event-line';
import { ndjsonLines, OverlongLineError } from './ndjson-lines';

const SEAL_MARKER = Buffer.from(`"type":"${SEAL_EVENT_TYPE}"`);
const TRAILER_START = Buffer.from(`{"${TRAILER_KEY}":`);

/** What a first pass over events.ndjson finds: what the checks of the second need before its first event. */
export interface Prescan {
  /** The seals its ReviewCycleHeld events record, in sealedPosition order. */
  readonly seals: RecordedSeal[];
  /** Its trailer, when its last line is one. */
  readonly trailer?: ExportTrailer;
}

function trailerOf(line: Buffer | undefined): ExportTrailer | undefined {
  try {
    const parsed = line === undefined ? undefined : parseProofLine(line.toString('utf8'));
    return parsed?.kind === 'trailer' ? parsed.trailer : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The seals recorded in events.ndjson, and its trailer. A seal's event comes after the events it seals, and the
 * trailer after every event, so a single pass would meet them too late: to capture the Merkle root at a seal's
 * sealedPosition, or to check a filtered export's inclusion proofs against the checkpoint. This first pass finds
 * them, the second checks everything. It is lenient: whatever it cannot read, the second pass reports where it is.
 */
export async function prescanExport(chunks: AsyncIterable<Buffer>, maxLineBytes: number): Promise<Prescan> {
  const seals: RecordedSeal[] = [];
  let last: Buffer | undefined;
  try {
    for await (const line of ndjsonLines(chunks, maxLineBytes)) {
      last =
        line.terminated && line.bytes.subarray(0, TRAILER_START.length).equals(TRAILER_START) ? line.bytes : undefined;
      // Most lines are not seals; the byte search spares parsing them twice.
      if (!line.terminated || !line.bytes.includes(SEAL_MARKER)) continue;
      const parsed = parseEventLine(line.bytes);
      if (!('event' in parsed)) continue;
      const seal = recordedSealOf(parsed.event);
      if (typeof seal !== 'string') seals.push(seal);
    }
  } catch (error) {
    if (!(error instanceof OverlongLineError)) throw error;
  }
  const trailer = trailerOf(last);
  return { seals: seals.sort(bySealedPosition), ...(trailer === undefined ? {} : { trailer }) };
}
