import { HeadSignal, type EventStore, type StoredEvent } from '@portfolio/event-store';
import type { CompiledQuery } from 'kysely';
import type { ReadModelDatabase, RowInsert } from '../database/read-model-database';
import { toPosition } from '../database/read-model-tables';
import { SoleLeadership, type ProjectionLeadership } from './projection-leadership';
import { generationTables, insertsOf, type Projector } from './projector';

/** `standby`: another process leads the projections; this one serves what it writes. */
export type ProjectionState = 'starting' | 'catching_up' | 'live' | 'standby' | 'failed' | 'stopped';

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
  /** Who projects when several processes share the read models (default: this process alone). */
  readonly leadership?: ProjectionLeadership;
  /** How often a standby reads the leader's checkpoint (queries waiting for a position wake at that pace). */
  readonly standbyPollMs?: number;
  /** How often a standby tries to take the lead, and the leader checks it still holds it. */
  readonly leadershipCheckMs?: number;
  readonly log?: (message: string) => void;
}

/** A rebuild asked of a process that does not lead the projections. */
export class NotProjectionLeaderError extends Error {
  readonly code = 'not_projection_leader';
  constructor() {
    super(
      'this instance is on standby: another instance leads the projections and alone can rebuild them; ' +
        'send the request again (it may reach the leader) or stop the other instances',
    );
    this.name = 'NotProjectionLeaderError';
  }
}

/** A batch's checkpoint moved under it: another process applied it, or the generation was replaced. */
class CheckpointMovedError extends Error {
  constructor(generation: number, after: bigint) {
    super(`the checkpoint of generation ${generation} is no longer at position ${after}`);
  }
}

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
  private readonly leadership: ProjectionLeadership;
  private readonly standbyPollMs: number;
  private readonly leadershipCheckMs: number;
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
    this.leadership = options.leadership ?? new SoleLeadership();
    this.standbyPollMs = options.standbyPollMs ?? 100;
    this.leadershipCheckMs = options.leadershipCheckMs ?? 1000;
    this.log = options.log ?? (() => undefined);
  }

  /**
   * Takes the lead if no other process holds it, loads the active generation (the leader creates the first) and
   * starts following the log, or the leader's checkpoint, in the background.
   */
  async start(): Promise<void> {
    if (await this.leadership.tryLead()) {
      await this.dropAbandonedRebuilds();
      await this.takeOver();
    } else {
      this.state = 'standby';
      await this.readLeadersProgress();
    }
    this.running = this.follow();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([this.running, this.rebuilding]);
    await this.leadership.release();
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
    if (!this.leadership.leading) throw new NotProjectionLeaderError();
    const generation = await this.createGeneration('building');
    if (generation === undefined) throw new Error('another process started a rebuild at the same moment');
    const startedAt = new Date().toISOString();
    this.rebuildStatus = { generation, state: 'running', position: '0', target: '0', progress: 0, startedAt };
    this.rebuilding = this.runRebuild(generation, startedAt).finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuildStatus;
  }

  private async follow(): Promise<void> {
    const signal = this.stopping.signal;
    let leadershipCheckedAt = Date.now();
    while (!signal.aborted) {
      try {
        if (Date.now() - leadershipCheckedAt >= this.leadershipCheckMs) {
          leadershipCheckedAt = Date.now();
          await this.checkLeadership();
        }
        if (this.state === 'standby') {
          await this.readLeadersProgress();
          await delay(this.standbyPollMs, signal);
          continue;
        }
        this.state = this.state === 'live' ? 'live' : 'catching_up';
        const applied = await this.writes.run(() => this.applyNextBatch(this.generation, this.checkpoint));
        if (applied !== undefined) {
          this.checkpoint = applied;
          this.reached.advance(applied);
          continue;
        }
        this.state = 'live';
        this.lastError = undefined;
        await this.store.waitForEvents(this.checkpoint, {
          timeoutMs: Math.min(this.idleWaitMs, this.leadershipCheckMs),
          signal,
        });
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof CheckpointMovedError) {
          // Not a failure: what this batch would have written is there already. Resume from what is committed.
          this.log(`${error.message}: resuming from the committed checkpoint`);
          await this.writes.run(() => this.takeOver());
          continue;
        }
        this.state = 'failed';
        this.lastError = (error as Error).message;
        this.log(`projection failed at position ${this.checkpoint}, retrying: ${this.lastError}`);
        await delay(this.retryDelayMs, signal);
        // Another process may have applied the batch meanwhile: resume from what is committed.
        this.checkpoint = await this.readCheckpoint(this.generation).catch(() => this.checkpoint);
      }
    }
  }

  /** Takes the lead when it is free, stands by when another process holds it, follows a generation switched elsewhere. */
  private async checkLeadership(): Promise<void> {
    const wasLeading = this.state !== 'standby';
    const leading = await this.leadership.tryLead();
    if (leading && !wasLeading) {
      // The previous leader is gone, and its rebuild, if any, with it.
      await this.dropAbandonedRebuilds();
      await this.writes.run(() => this.takeOver());
      this.state = 'catching_up';
      this.log(`leading the projections from position ${this.checkpoint}`);
    } else if (leading && (await this.findActiveGeneration()) !== this.generation) {
      // A rebuild by another process (the CLI beside an API on SQLite) switched the generation.
      await this.writes.run(() => this.takeOver());
    } else if (!leading) {
      if (wasLeading) this.log('another instance leads the projections: standing by');
      this.state = 'standby';
    }
  }

  /**
   * Applies the next batch after `after` to a generation; returns the new checkpoint, or undefined at the head.
   * Fenced: the batch commits only if each projector's checkpoint still stands at `after`.
   */
  private async applyNextBatch(generation: number, after: bigint): Promise<bigint | undefined> {
    const batch: StoredEvent[] = [];
    for await (const event of this.store.readAll({ after, batchSize: this.batchSize })) {
      batch.push(event);
      if (batch.length === this.batchSize) break;
    }
    if (batch.length === 0) return undefined;
    const last = batch[batch.length - 1].position;
    const inserts: RowInsert[] = [];
    const fences: CompiledQuery[] = [];
    for (const projector of this.projectors) {
      inserts.push(...insertsOf(projector, await projector.rowsFor(generation, batch)));
      fences.push(
        this.db
          .updateTable('rm_checkpoints')
          .set({ position: last.toString() })
          .where('generation', '=', generation)
          .where('projector', '=', projector.name)
          .where('position', '=', after.toString())
          .compile(),
      );
    }
    if (!(await this.database.writeAtomically({ fences, inserts }))) throw new CheckpointMovedError(generation, after);
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
        await this.database.writeAtomically({
          statements: [
            this.db.updateTable('rm_generations').set({ status: 'retired' }).where('status', '=', 'active').compile(),
            this.db
              .updateTable('rm_generations')
              .set({ status: 'active' })
              .where('generation', '=', generation)
              .compile(),
          ],
        });
        this.generation = generation;
        this.checkpoint = position;
        this.reached.advance(position);
        return previous;
      });
      // Done means the old generation is gone too; failing to drop it leaves rows no query reads, not a failed rebuild.
      await this.dropGeneration(retired).catch((error: Error) =>
        this.log(`generation ${retired} was replaced but could not be dropped: ${error.message}`),
      );
      report('done', position, { finishedAt: new Date().toISOString() });
      this.log(`read models rebuilt: generation ${generation} serves from position ${position}`);
    } catch (error) {
      report('failed', position, { error: (error as Error).message, finishedAt: new Date().toISOString() });
      this.log(`rebuild of generation ${generation} failed: ${(error as Error).message}`);
      await this.dropGeneration(generation).catch(() => undefined);
    }
  }

  private async dropGeneration(generation: number): Promise<void> {
    await this.database.writeAtomically({
      statements: generationTables(this.projectors).map((table) =>
        this.db.deleteFrom(table).where('generation', '=', generation).compile(),
      ),
    });
    for (const projector of this.projectors) projector.forget?.(generation);
  }

  private get db() {
    return this.database.db;
  }

  /** As the leader: the active generation (created if none) and its checkpoint, as committed. */
  private async takeOver(): Promise<void> {
    this.generation = await this.activeGeneration();
    await this.ensureCheckpoints(this.generation);
    this.checkpoint = await this.readCheckpoint(this.generation);
    this.reached.advance(this.checkpoint);
  }

  /** As a standby: the generation the leader serves and how far it has applied the log. */
  private async readLeadersProgress(): Promise<void> {
    const active = await this.findActiveGeneration();
    if (active === undefined) return;
    this.generation = active;
    this.checkpoint = await this.readCheckpoint(active);
    this.reached.advance(this.checkpoint);
  }

  private async findActiveGeneration(): Promise<number | undefined> {
    const active = await this.db
      .selectFrom('rm_generations')
      .select('generation')
      .where('status', '=', 'active')
      .executeTakeFirst();
    return active?.generation;
  }

  private async activeGeneration(): Promise<number> {
    for (;;) {
      const active = await this.findActiveGeneration();
      if (active !== undefined) return active;
      // Another process may create it at the same moment: the one-active index lets one of them win.
      const created = await this.createGeneration('active');
      if (created !== undefined) return created;
    }
  }

  /**
   * A rebuild that stopped with its process leaves a `building` generation behind: it is dropped, never served. Only
   * when this process takes the lead: a rebuild may be running in another process that projects beside this one
   * (the CLI on SQLite), and the fences, not this, keep them apart.
   */
  private async dropAbandonedRebuilds(): Promise<void> {
    const abandoned = await this.db
      .selectFrom('rm_generations')
      .select('generation')
      .where('status', '=', 'building')
      .execute();
    for (const { generation } of abandoned) await this.dropGeneration(generation);
  }

  /** The next generation with this status, or undefined when another process created one at the same moment. */
  private async createGeneration(status: 'building' | 'active'): Promise<number | undefined> {
    const last = await this.db
      .selectFrom('rm_generations')
      .select((eb) => eb.fn.max('generation').as('generation'))
      .executeTakeFirst();
    const generation = Number(last?.generation ?? 0) + 1;
    const inserted = await this.db
      .insertInto('rm_generations')
      .values({ generation, status, created_at: new Date().toISOString() })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows !== 1n) return undefined;
    await this.ensureCheckpoints(generation);
    return generation;
  }

  /** Every projector's checkpoint row exists, so that each batch can be fenced on it (read models made before fencing had none until their first batch). */
  private async ensureCheckpoints(generation: number): Promise<void> {
    const position = (await this.readCheckpoint(generation)).toString();
    await this.db
      .insertInto('rm_checkpoints')
      .values(this.projectors.map((projector) => ({ generation, projector: projector.name, position })))
      .onConflict((conflict) => conflict.columns(['generation', 'projector']).doNothing())
      .execute();
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
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
