// Test support: the projectors and runtime the application wires, or its parts, on a subject's store and database.
import type { ReadModelDatabase } from '../database/read-model-database';
import type { ProjectionLeadership } from '../projection/projection-leadership';
import { projectionParts, type ProjectionParts } from '../projection/projection-parts';
import { ProjectionRuntime } from '../projection/projection-runtime';
import type { Projector } from '../projection/projector';
import { AuditLogProjector } from '../projectors/audit-log.projector';
import { PortfolioProjector } from '../projectors/portfolio.projector';
import { fixedNow } from './fixed-now';
import type { ReadModelSubject } from './read-model-subject';

export function projectorsOf(database: ReadModelDatabase): Projector[] {
  return [new PortfolioProjector(), new AuditLogProjector(database.db)];
}

/** A runtime that checks its leadership five times a second, so that tests of a handover stay short. */
export function runtimeOf(
  subject: ReadModelSubject,
  batchSize = 200,
  database = subject.database,
  leadership?: ProjectionLeadership,
): ProjectionRuntime {
  return new ProjectionRuntime(subject.store, database, projectorsOf(database), {
    now: fixedNow,
    batchSize,
    idleWaitMs: 1000,
    leadershipCheckMs: 200,
    ...(leadership === undefined ? {} : { leadership }),
  });
}

/** A process's parts of the runtime over one connection, batches of five, for the parts' own specs. */
export function partsOf(
  subject: ReadModelSubject,
  database = subject.database,
  log: (message: string) => void = () => undefined,
): ProjectionParts {
  return projectionParts(subject.store, database, projectorsOf(database), { now: fixedNow, batchSize: 5, log });
}
