// Test support: the read models as a leader that caught up leaves them, for the specs of a rebuild's parts.
import type { ReadModelLocation } from '../database/read-model-database';
import type { ProjectionParts } from '../projection/projection-parts';
import { openSubject, type ReadModelSubject } from './read-model-subject';
import { partsOf } from './runtime-of';
import { seedLog } from './seed-log';

/** Generation 1 active and served, the whole log applied to it. */
export async function servingTheHead(parts: ProjectionParts): Promise<void> {
  const generation = await parts.generations.activeOrCreate();
  let position = 0n;
  for (let applied = await parts.batches.applyNext(generation, position); applied !== undefined;) {
    position = applied;
    applied = await parts.batches.applyNext(generation, position);
  }
  parts.progress.serve(generation, position);
}

/** A fresh subject whose log holds a mission, two launches and ten measurements (positions 1 to 13), all served. */
export async function servingSeededLog(
  kind: ReadModelLocation['kind'],
): Promise<{ subject: ReadModelSubject; parts: ProjectionParts }> {
  const subject = await openSubject(kind);
  await seedLog(subject.store, 10);
  const parts = partsOf(subject);
  await servingTheHead(parts);
  return { subject, parts };
}
