import { CheckpointMovedError } from './batch-applier';
import { GenerationsDifferError, type Parity } from './parity/parity';
import type { ProjectionParts } from './projection-parts';
import type { RebuildOptions, RebuildStatus } from './projection-status';
import { percentProjected } from './rebuild-progress';

/**
 * Rebuilds the read models from scratch into a new generation while the active one keeps serving, compares the two,
 * then switches queries to it and drops the one it replaced (or, asked to expect identical read models and finding a
 * difference, drops the new one). One at a time per process; a stop abandons it (the next leader drops it).
 */
export class Rebuilder {
  private latest: RebuildStatus | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly parts: ProjectionParts,
    private readonly signal: AbortSignal,
  ) {}

  /** The last rebuild's status, running or finished; undefined before the first. */
  get status(): RebuildStatus | undefined {
    return this.latest;
  }

  /** The status of the rebuild running now, if one is. */
  get current(): RebuildStatus | undefined {
    return this.running === undefined ? undefined : this.latest;
  }

  /** Resolves once no rebuild runs (a stop waits for it). */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Creates the new generation and starts projecting into it in the background; returns the first status at once. */
  async start({ expectIdentical = false }: RebuildOptions = {}): Promise<RebuildStatus> {
    const generation = await this.parts.generations.create('building');
    if (generation === undefined) throw new Error('another process started a rebuild at the same moment');
    const startedAt = this.parts.now().toISOString();
    this.latest = { generation, state: 'running', position: '0', target: '0', progress: 0, startedAt, expectIdentical };
    this.running = this.run(generation, startedAt, expectIdentical).finally(() => {
      this.running = undefined;
    });
    return this.latest;
  }

  private async run(generation: number, startedAt: string, expectIdentical: boolean): Promise<void> {
    const { store, batches, generations, progress, writes, now, log } = this.parts;
    let position = 0n;
    let parity: Parity | undefined;
    const applyNext = async (): Promise<boolean> => {
      const applied = await batches.applyNext(generation, position);
      if (applied !== undefined) position = applied;
      return applied !== undefined;
    };
    const report = (state: RebuildStatus['state'], target: bigint, extra: Partial<RebuildStatus> = {}): void => {
      this.latest = {
        generation,
        state,
        position: position.toString(),
        target: target.toString(),
        progress: percentProjected(position, target),
        startedAt,
        expectIdentical,
        ...(parity === undefined ? {} : { parity }),
        ...extra,
      };
    };
    try {
      log(`rebuilding the read models into generation ${generation}`);
      for (;;) {
        if (this.signal.aborted) return;
        const target = await store.head();
        if (!(await applyNext())) break;
        report('running', target);
      }
      report('switching', await store.head());
      await generations.refreshStatistics();
      const check = this.parts.parity.between(progress.generation, generation);
      // Compared before the lock as far as both generations have got, then once more after projecting what was
      // appended meanwhile: under the lock, only the last few events are left to project and compare.
      await check.advance(await this.comparable(position));
      while (await applyNext()) continue;
      await check.advance(await this.comparable(position));
      const retired = await writes.run(async () => {
        // Under the write lock the live follower is paused: catch up the last appends, compare, then switch.
        while (await applyNext()) continue;
        await this.catchUpLive(position);
        await check.advance(await this.comparable(position));
        parity = check.result();
        if (!parity.equal) {
          log(`rebuilt generation ${generation} differs from the live one: ${parity.firstDifference.document}`);
          if (expectIdentical) throw new GenerationsDifferError(parity);
        }
        const previous = progress.generation;
        await generations.activate(generation);
        progress.serve(generation, position);
        return previous;
      });
      // Done means the old generation is gone too; failing to drop it leaves rows no query reads, not a failed rebuild.
      await generations
        .drop(retired)
        .catch((error: Error) => log(`generation ${retired} was replaced but could not be dropped: ${error.message}`));
      report('done', position, { finishedAt: now().toISOString() });
      log(`read models rebuilt: generation ${generation} serves from position ${position}`);
    } catch (error) {
      // Failed means its generation is gone, as done means the replaced one is: a rebuild asked for on seeing
      // either would otherwise find this one's `building` row still there and be refused.
      await generations.drop(generation).catch(() => undefined);
      report('failed', position, { error: (error as Error).message, finishedAt: now().toISOString() });
      log(`rebuild of generation ${generation} failed: ${(error as Error).message}`);
    }
  }

  /**
   * Applies to the live generation what the paused follower had not applied yet, up to `upTo`, so that the two are
   * compared at the switch position. Another process that applied a batch first (the CLI beside an API on SQLite)
   * has moved the checkpoint that `comparable` reads.
   */
  private async catchUpLive(upTo: bigint): Promise<void> {
    const { batches, progress } = this.parts;
    try {
      while (progress.checkpoint < upTo) {
        const applied = await batches.applyNext(progress.generation, progress.checkpoint);
        if (applied === undefined) return;
        progress.advance(applied);
      }
    } catch (error) {
      if (!(error instanceof CheckpointMovedError)) throw error;
    }
  }

  /**
   * How far the live and the rebuilt generation can be compared: the lower of the two checkpoints. The live one is
   * read as committed, since on SQLite another process may project it too; below it, its rows no longer change.
   */
  private async comparable(rebuilt: bigint): Promise<bigint> {
    const live = await this.parts.checkpoints.read(this.parts.progress.generation);
    return live < rebuilt ? live : rebuilt;
  }
}
