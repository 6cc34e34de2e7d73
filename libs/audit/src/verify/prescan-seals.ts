import { parseEventLine } from './event-line';
import { ndjsonLines, OverlongLineError } from './ndjson-lines';
import { bySealedPosition, recordedSealOf } from '../seal/recorded-seal';
import { SEAL_EVENT_TYPE, type RecordedSeal } from '../seal/seal';

const SEAL_MARKER = Buffer.from(`"type":"${SEAL_EVENT_TYPE}"`);

/**
 * The seals recorded in a bare NDJSON file, in sealedPosition order. A seal's event comes after the events it seals,
 * so a single pass would meet each seal too late to capture the Merkle root at its sealedPosition: this first pass
 * finds the seals (a few per year), the second checks everything. It is lenient: whatever it cannot read, the
 * second pass reports where it is.
 */
export async function prescanSeals(chunks: AsyncIterable<Buffer>, maxLineBytes: number): Promise<RecordedSeal[]> {
  const seals: RecordedSeal[] = [];
  try {
    for await (const line of ndjsonLines(chunks, maxLineBytes)) {
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
  return seals.sort(bySealedPosition);
}
