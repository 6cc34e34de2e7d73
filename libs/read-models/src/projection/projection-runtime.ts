import { HeadSignal, type EventStore, type StoredEvent } from '@portfolio/event-store';
import type { CompiledQuery } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { toPosition } from '../database/read-model-tables';
import type { Projector } from './projector';

export type ProjectionState = 'starting' | 'catching_up' | 'live' | 'failed' | 'stopped';

/** What GET /admin/projections shows of one projector. */
export interface ProjectorStatus {
  readonly name: string;
  readonly generation: number;
  readonly position: string;
  readonly head: string;
  readonly lag: string;
  readonly state: ProjectionState;
  readonly lastError?: string;
}

export interface RebuildStatus {
  readonly generation: number;
  readonly state: 'running' | 'switching' | 'done' | 'failed';
  readonly position: string;
  readonly target: string;
  /** Percent of the log projected into the new generation. */
  readonly progress: number;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly error?: string;
}

export interface ProjectionRuntimeOptions {
  readonly batchSize?: number;
  /** How long the follower sleeps in one wait for new events (it wakes at once on an append). */
  readonly idleWaitMs?: number;
  /** Pause after a failed batch before trying again. */
  readonly retryDelayMs?: number;
  readonly log?: (message: string) => void;
}

// SQLite binds at most 32,766 variables per statement; 9 columns × 1,000 rows stays well below.
const ROWS_PER_INSERT = 1000;

/** A promise-chain mutex: the live follower and the rebuild's final switch never write at the same time. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Follows the log from the read models' checkpoint and applies events in position order, each batch in one
 * transaction with the checkpoint (exactly-once effect, restart-safe). Sleeps on the store's wait between appends;
 * rebuilds into a new generation while the active one keeps serving, then switches.
 */
export class ProjectionRuntime {
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly retryDelayMs: number;
  private readonly log: (message: string) => void;
  private readonly reached = new HeadSignal();
  private readonly writes = new Mutex();
  private readonly stopping = new AbortController();
  private generation = 0;
  private checkpoint = 0n;
  private state: ProjectionState = 'starting';
  private lastError: string | undefined;
  private running: Promise<void> | undefined;
  private rebuildStatus: RebuildStatus | undefined;
  private rebuilding: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly database: ReadModelDatabase,
    private readonly projectors: readonly Projector[],
    options: ProjectionRuntimeOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.idleWaitMs = options.idleWaitMs ?? 5000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.log = options.log ?? (() => undefined);
  }

  /** Loads the active generation (creating the first) and starts following the log in the background. */
  async start(): Promise<void> {
    this.generation = await this.activeGeneration();
    this.checkpoint = await this.readCheckpoint(this.generation);
    this.reached.advance(this.checkpoint);
    this.running = this.follow();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([this.running, this.rebuilding]);
    this.state = 'stopped';
  }

  /** The generation queries must read. */
  get activeGenerationNumber(): number {
    return this.generation;
  }

  /** The last position applied to the active generation. */
  get position(): bigint {
    return this.checkpoint;
  }

  /** Resolves true once the active read models include `position`, false after the timeout (for `minPosition`). */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.checkpoint >= position) return true;
    const reached = await this.reached.wait(position - 1n, this.checkpoint, {
      timeoutMs,
      signal: this.stopping.signal,
    });
    return reached >= position;
  }

  async status(): Promise<{ projectors: ProjectorStatus[]; rebuild?: RebuildStatus }> {
    const head = await this.store.head();
    const lag = head > this.checkpoint ? head - this.checkpoint : 0n;
    const projectors = this.projectors.map((projector) => ({
      name: projector.name,
      generation: this.generation,
      position: this.checkpoint.toString(),
      head: head.toString(),
      lag: lag.toString(),
      state: this.state,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    }));
    return this.rebuildStatus === undefined ? { projectors } : { projectors, rebuild: this.rebuildStatus };
  }

  /**
   * Starts a rebuild from scratch into a new generation and returns at once; the active generation keeps serving
   * until the new one has caught up, then queries switch to it. A rebuild already running is returned as is.
   */
  async rebuild(): Promise<RebuildStatus> {
    if (this.rebuilding !== undefined && this.rebuildStatus !== undefined) return this.rebuildStatus;
    const generation = await this.createGeneration('building');
    const startedAt = new Date().toISOString();
    this.rebuildStatus = { generation, state: 'running', position: '0', target: '0', progress: 0, startedAt };
    this.rebuilding = this.runRebuild(generation, startedAt).finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuildStatus;
  }

  private async follow(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      try {
        this.state = this.state === 'live' ? 'live' : 'catching_up';
        const applied = await this.writes.run(() => this.applyNextBatch(this.generation, this.checkpoint));
        if (applied !== undefined) {
          this.checkpoint = applied;
          this.reached.advance(applied);
          continue;
        }
        this.state = 'live';
        this.lastError = undefined;
        await this.store.waitForEvents(this.checkpoint, { timeoutMs: this.idleWaitMs, signal });
      } catch (error) {
        if (signal.aborted) return;
        this.state = 'failed';
        this.lastError = (error as Error).message;
        this.log(`projection failed at position ${this.checkpoint}, retrying: ${this.lastError}`);
        await delay(this.retryDelayMs, signal);
        // Another process may have applied the batch meanwhile: resume from what is committed.
        this.checkpoint = await this.readCheckpoint(this.generation).catch(() => this.checkpoint);
      }
    }
  }

  /** Applies the next batch after `after` to a generation; returns the new checkpoint, or undefined at the head. */
  private async applyNextBatch(generation: number, after: bigint): Promise<bigint | undefined> {
    const batch: StoredEvent[] = [];
    for await (const event of this.store.readAll({ after, batchSize: this.batchSize })) {
      batch.push(event);
      if (batch.length === this.batchSize) break;
    }
    if (batch.length === 0) return undefined;
    const last = batch[batch.length - 1].position;
    const statements: CompiledQuery[] = [];
    for (const projector of this.projectors) {
      for (const { table, rows } of await projector.rowsFor(generation, batch)) {
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
          // Kysely cannot relate a table name held in a variable to its row type; `rows` were built for `table`.
          statements.push(
            this.db
              .insertInto(table)
              .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
              .compile(),
          );
        }
      }
      statements.push(
        this.db
          .insertInto('rm_checkpoints')
          .values({ generation, projector: projector.name, position: last.toString() })
          .onConflict((conflict) =>
            conflict.columns(['generation', 'projector']).doUpdateSet({ position: last.toString() }),
          )
          .compile(),
      );
    }
    await this.database.writeAtomically(statements);
    return last;
  }

  private async runRebuild(generation: number, startedAt: string): Promise<void> {
    const signal = this.stopping.signal;
    let position = 0n;
    const report = (state: RebuildStatus['state'], target: bigint, extra: Partial<RebuildStatus> = {}): void => {
      const progress = target === 0n ? 100 : Math.min(100, Number((position * 10_000n) / target) / 100);
      this.rebuildStatus = {
        generation,
        state,
        position: position.toString(),
        target: target.toString(),
        progress,
        startedAt,
        ...extra,
      };
    };
    try {
      this.log(`rebuilding the read models into generation ${generation}`);
      for (;;) {
        if (signal.aborted) return;
        const target = await this.store.head();
        const applied = await this.applyNextBatch(generation, position);
        if (applied === undefined) break;
        position = applied;
        report('running', target);
      }
      report('switching', await this.store.head());
      const retired = await this.writes.run(async () => {
        // Under the writes lock the live follower is paused: catch up the last appends, then switch.
        for (let applied = await this.applyNextBatch(generation, position); applied !== undefined;) {
          position = applied;
          applied = await this.applyNextBatch(generation, position);
        }
        const previous = this.generation;
        await this.database.writeAtomically([
          this.db.updateTable('rm_generations').set({ status: 'retired' }).where('status', '=', 'active').compile(),
          this.db
            .updateTable('rm_generations')
            .set({ status: 'active' })
            .where('generation', '=', generation)
            .compile(),
        ]);
        this.generation = generation;
        this.checkpoint = position;
        this.reached.advance(position);
        return previous;
      });
      report('done', position, { finishedAt: new Date().toISOString() });
      this.log(`read models rebuilt: generation ${generation} serves from position ${position}`);
      await this.dropGeneration(retired);
    } catch (error) {
      report('failed', position, { error: (error as Error).message, finishedAt: new Date().toISOString() });
      this.log(`rebuild of generation ${generation} failed: ${(error as Error).message}`);
      await this.dropGeneration(generation).catch(() => undefined);
    }
  }

  private async dropGeneration(generation: number): Promise<void> {
    const tables = [
      'rm_checkpoints',
      'rm_missions',
      'rm_project_facts',
      'rm_measurements',
      'rm_review_cycles',
      'rm_event_index',
      'rm_generations',
    ] as const;
    await this.database.writeAtomically(
      tables.map((table) => this.db.deleteFrom(table).where('generation', '=', generation).compile()),
    );
    for (const projector of this.projectors) projector.forget?.(generation);
  }

  private get db() {
    return this.database.db;
  }

  private async activeGeneration(): Promise<number> {
    const active = await this.db
      .selectFrom('rm_generations')
      .select('generation')
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (active !== undefined) return active.generation;
    // A rebuild interrupted by a stop leaves a `building` generation behind: it is dropped, never served.
    const unfinished = await this.db.selectFrom('rm_generations').select('generation').execute();
    for (const { generation } of unfinished) await this.dropGeneration(generation);
    return this.createGeneration('active');
  }

  private async createGeneration(status: 'building' | 'active'): Promise<number> {
    const last = await this.db
      .selectFrom('rm_generations')
      .select((eb) => eb.fn.max('generation').as('generation'))
      .executeTakeFirst();
    const generation = Number(last?.generation ?? 0) + 1;
    await this.db
      .insertInto('rm_generations')
      .values({ generation, status, created_at: new Date().toISOString() })
      .execute();
    return generation;
  }

  private async readCheckpoint(generation: number): Promise<bigint> {
    const rows = await this.db
      .selectFrom('rm_checkpoints')
      .select('position')
      .where('generation', '=', generation)
      .execute();
    // Every projector moves in the same transaction: their checkpoints are equal.
    return rows.length === 0 ? 0n : toPosition(rows[0].position);
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
