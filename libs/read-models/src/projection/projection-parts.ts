import type { EventStore } from '@portfolio/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { BatchApplier } from './batch-applier';
import { Checkpoints } from './checkpoints';
import { Generations } from './generations';
import { GenerationParity } from './parity/parity-check';
import { ProjectionProgress } from './projection-progress';
import type { Projector } from './projector';
import { WriteLock } from './write-lock';

/** What the follower, the leadership and the rebuild of one runtime share. */
export interface ProjectionParts {
  readonly store: EventStore;
  readonly progress: ProjectionProgress;
  readonly writes: WriteLock;
  readonly checkpoints: Checkpoints;
  readonly generations: Generations;
  readonly batches: BatchApplier;
  /** Compares a rebuilt generation with the live one before the switch. */
  readonly parity: GenerationParity;
  readonly now: () => Date;
  readonly log: (message: string) => void;
}

export interface ProjectionSettings {
  readonly now: () => Date;
  readonly batchSize: number;
  readonly log: (message: string) => void;
}

export function projectionParts(
  store: EventStore,
  database: ReadModelDatabase,
  projectors: readonly Projector[],
  { now, batchSize, log }: ProjectionSettings,
): ProjectionParts {
  const checkpoints = new Checkpoints(database, projectors);
  return {
    store,
    progress: new ProjectionProgress(),
    writes: new WriteLock(),
    checkpoints,
    generations: new Generations(database, projectors, checkpoints, now),
    batches: new BatchApplier(store, database, projectors, checkpoints, batchSize),
    parity: new GenerationParity(database, projectors),
    now,
    log,
  };
}
