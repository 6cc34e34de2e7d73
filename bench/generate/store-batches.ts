import type { NewEvent } from '@portfolio/event-store';
import { monthEnd } from './generate-portfolio';
import { projectShapes } from './portfolio-shape';
import { Prng } from './prng';
import { TERRITORIES } from './territories';

/** One append of the store-level workload. */
export interface StoreBatch {
  readonly streamId: string;
  readonly events: NewEvent[];
}

export interface StoreBatchOptions {
  readonly events: number;
  readonly batchSize: number;
  readonly seed?: number;
}

/** The instant of the workload's first append: batch k is made k milliseconds later. */
const FIRST_APPEND_MS = Date.UTC(2026, 0, 1);

/** Streams the store-level workload writes to: one per generated project. */
export const STORE_STREAM_COUNT = projectShapes().length;

/**
 * The events a measurement batch appends, built straight for the store (no command path): IndicatorMeasured data and
 * the metadata every command records, in appends of `batchSize` spread round-robin over the projects' streams.
 * Batch k goes to stream k mod STORE_STREAM_COUNT, so writers taking k mod W (W dividing the stream count) never share
 * a stream.
 */
export function* storeBatches(options: StoreBatchOptions): Generator<StoreBatch> {
  const prng = new Prng(options.seed ?? 6962);
  const projects = projectShapes();
  const batches = Math.ceil(options.events / options.batchSize);
  for (let k = 0; k < batches; k += 1) {
    const project = projects[k % projects.length];
    const size = Math.min(options.batchSize, options.events - k * options.batchSize);
    const commandId = prng.uuid();
    const metadata = {
      actor: { id: 'bench', name: 'portfolio benchmarks', role: 'programme-office' },
      commandId,
      requestFingerprint: prng.uuid().replace(/-/g, '') + prng.uuid().replace(/-/g, ''),
      correlationId: prng.uuid(),
      causationId: commandId,
    };
    // Time-ordered ids, as the product's newEventId makes them.
    const events = Array.from({ length: size }, (_, i) => ({
      eventId: prng.uuidV7(FIRST_APPEND_MS + k, i),
      type: 'IndicatorMeasured',
      schemaVersion: 1,
      data: {
        projectId: project.projectId,
        indicatorId: prng.pick(project.indicatorIds),
        value: Math.round(prng.next() * 1e6) / 100,
        period: monthEnd(prng.below(48)),
        territory: { ...prng.pick(TERRITORIES) },
      },
      metadata,
    }));
    yield { streamId: `project-${project.projectId}`, events };
  }
}
