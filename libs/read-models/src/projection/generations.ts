import { yieldToEventLoop } from '@portfolio/event-store';
import { sql } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { GenerationsTable, ReadModelTables } from '../database/read-model-tables';
import type { Checkpoints } from './checkpoints';
import { generationTables } from './generation-tables';
import type { Projector } from './projector';

/** Positions whose rows one transaction of a drop deletes: short enough that the service answers between two. */
const DROP_STEP = 2_000n;

/** The tables whose rows carry the position of the event that wrote them: all but the generations' own. */
type PositionedTable = Exclude<keyof ReadModelTables, 'rm_generations'>;

/**
 * The generations of the read models (`rm_generations`): one `active` that queries read, at most one `building`
 * while a rebuild runs, `retired` ones on their way out. A generation's rows live in every projector's tables.
 */
export class Generations {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projectors: readonly Projector[],
    private readonly checkpoints: Checkpoints,
    private readonly now: () => Date,
  ) {}

  async findActive(): Promise<number | undefined> {
    const active = await this.database.db
      .selectFrom('rm_generations')
      .select('generation')
      .where('status', '=', 'active')
      .executeTakeFirst();
    return active?.generation;
  }

  /** The active generation, created if there is none yet. */
  async activeOrCreate(): Promise<number> {
    for (;;) {
      const active = await this.findActive();
      if (active !== undefined) return active;
      // Another process may create it at the same moment: the one-active index lets one of them win.
      const created = await this.create('active');
      if (created !== undefined) return created;
    }
  }

  /** The next generation with this status, or undefined when another process created one at the same moment. */
  async create(status: Exclude<GenerationsTable['status'], 'retired'>): Promise<number | undefined> {
    const last = await this.database.db
      .selectFrom('rm_generations')
      .select((eb) => eb.fn.max('generation').as('generation'))
      .executeTakeFirst();
    const generation = Number(last?.generation ?? 0) + 1;
    const inserted = await this.database.db
      .insertInto('rm_generations')
      .values({ generation, status, created_at: this.now().toISOString() })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows !== 1n) return undefined;
    await this.checkpoints.ensure(generation);
    return generation;
  }

  /** Makes `generation` the one queries read and retires the one they read until now, in one transaction. */
  async activate(generation: number): Promise<void> {
    const db = this.database.db;
    await this.database.writeAtomically({
      statements: [
        db.updateTable('rm_generations').set({ status: 'retired' }).where('status', '=', 'active').compile(),
        db.updateTable('rm_generations').set({ status: 'active' }).where('generation', '=', generation).compile(),
      ],
    });
  }

  /**
   * Brings PostgreSQL's planner statistics up to date before a rebuilt generation serves: they still describe the
   * tables as they were before the load, so reads of the new generation were planned for a row or two (a portfolio
   * as-of read at 1M events took 9.4 s on them, 32 ms once analysed). Not on SQLite: its planner has no statistics
   * until a first ANALYZE, and its queries are tuned without them. Says whether there were statistics to refresh.
   */
  async refreshStatistics(): Promise<boolean> {
    if (this.database.dialect !== 'postgres') return false;
    for (const table of generationTables(this.projectors)) {
      await sql`ANALYZE ${sql.table(table)}`.execute(this.database.db);
    }
    return true;
  }

  /**
   * Deletes every row of a generation, from every table a projector declares and from the runtime's own: a range of
   * positions per transaction, yielding between them (on SQLite a transaction holds the event loop, and a generation
   * of a million events takes seconds to delete), then what is left and the generation's own row in the last one.
   */
  async drop(generation: number): Promise<void> {
    const tables = generationTables(this.projectors);
    const positioned = tables.filter((table): table is PositionedTable => table !== 'rm_generations');
    const last = await this.lastPosition(positioned, generation);
    for (let upTo = DROP_STEP; upTo < last; upTo += DROP_STEP) {
      await this.database.writeAtomically({
        statements: positioned.map((table) =>
          this.database.db
            .deleteFrom(table)
            .where('generation', '=', generation)
            // Bounded below too: on PostgreSQL the rows deleted by the steps before stay in the indexes until a
            // vacuum, and a range open below walked them all again at every step (quadratic in the generation).
            .where('position', '>', (upTo - DROP_STEP).toString())
            .where('position', '<=', upTo.toString())
            .compile(),
        ),
        unbounded: true,
      });
      await yieldToEventLoop();
    }
    await this.database.writeAtomically({
      statements: tables.map((table) =>
        this.database.db.deleteFrom(table).where('generation', '=', generation).compile(),
      ),
      // As long as a step of the generation: a statement timeout would cancel it every time.
      unbounded: true,
    });
    for (const projector of this.projectors) projector.forget?.(generation);
  }

  /** The highest position any of the generation's rows carries (0 when it has none). */
  private async lastPosition(tables: readonly PositionedTable[], generation: number): Promise<bigint> {
    let last = 0n;
    for (const table of tables) {
      const row = await this.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.max('position').as('position'))
        .where('generation', '=', generation)
        .executeTakeFirst();
      if (row?.position != null && BigInt(row.position) > last) last = BigInt(row.position);
    }
    return last;
  }

  /**
   * A rebuild that stopped with its process leaves a `building` generation behind: it is dropped, never served. Only
   * when this process takes the lead: a rebuild may be running in another process that projects beside this one
   * (the CLI on SQLite), and the fences, not this, keep them apart.
   */
  async dropAbandonedRebuilds(): Promise<void> {
    const abandoned = await this.database.db
      .selectFrom('rm_generations')
      .select('generation')
      .where('status', '=', 'building')
      .execute();
    for (const { generation } of abandoned) await this.drop(generation);
  }
}
