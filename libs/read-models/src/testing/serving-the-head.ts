// Test support: the read models as a leader that caught up leaves them, for the specs of a rebuild's parts.
import type { ProjectionParts } from '../projection/projection-parts';

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
