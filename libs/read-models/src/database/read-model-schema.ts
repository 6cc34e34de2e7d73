import { sql, type Kysely } from 'kysely';
import type { ReadModelTables } from './read-model-tables';

// Both dialects accept these types; positions are BIGINT (an INTEGER in SQLite is 64-bit too).
const POSITION = 'bigint';

/** Creates the read-model tables if missing: idempotent, run at every start. */
export async function createReadModelSchema(db: Kysely<ReadModelTables>): Promise<void> {
  await createRuntimeTables(db);
  await createPortfolioTables(db);
  await createReleaseTables(db);
  await createAuditLogTables(db);
}

/** What the projection runtime keeps: the generations and each projector's checkpoint in each. */
async function createRuntimeTables(db: Kysely<ReadModelTables>): Promise<void> {
  await db.schema
    .createTable('rm_generations')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One active generation, even when several processes start on an empty database at once.
  await db.schema
    .createIndex('rm_generations_one_active')
    .ifNotExists()
    .on('rm_generations')
    .column('status')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createTable('rm_checkpoints')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('projector', 'text', (c) => c.notNull())
    .addColumn('position', POSITION, (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_checkpoints_pk', ['generation', 'projector'])
    .execute();
}

/** The bi-temporal tables of the portfolio projector. */
async function createPortfolioTables(db: Kysely<ReadModelTables>): Promise<void> {
  await db.schema
    .createTable('rm_missions')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('mission_code', 'text', (c) => c.notNull())
    .addColumn('position', POSITION, (c) => c.notNull())
    .addColumn('defined_on', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_missions_pk', ['generation', 'mission_code'])
    .execute();
  await db.schema
    .createTable('rm_project_facts')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('position', POSITION, (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_project_facts_pk', ['generation', 'position'])
    .execute();
  await db.schema
    .createIndex('rm_project_facts_by_project')
    .ifNotExists()
    .on('rm_project_facts')
    .columns(['generation', 'project_id', 'position'])
    .execute();
  await db.schema
    .createTable('rm_measurements')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('territory_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('supersedes', 'double precision')
    .addColumn('position', POSITION, (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_measurements_pk', ['generation', 'position'])
    .execute();
  // Serves both the series of one territory and the latest national value per indicator at (at, asOf).
  await db.schema
    .createIndex('rm_measurements_by_series')
    .ifNotExists()
    .on('rm_measurements')
    .columns(['generation', 'territory_key', 'project_id', 'indicator_id', 'period', 'position'])
    .execute();
  // The latest period of national values known at asOf, below which as-of reads seek in each series: without it, a read
  // whose date lies past what asOf knew would walk, in every series, each period recorded after asOf. Created at start
  // on databases that lack it.
  await db.schema
    .createIndex('rm_measurements_national_by_period')
    .ifNotExists()
    .on('rm_measurements')
    .columns(['generation', 'period', 'position'])
    .where(sql.ref('territory_key'), '=', sql.lit('national:FR'))
    .execute();
  await db.schema
    .createTable('rm_review_cycles')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('position', POSITION, (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_review_cycles_pk', ['generation', 'cycle_id'])
    .execute();
}

/**
 * The releases the portfolio's values were taken from. Created at start on databases that lack it: values recorded
 * before releases were named have no row in it, so nothing needs rebuilding.
 */
async function createReleaseTables(db: Kysely<ReadModelTables>): Promise<void> {
  await db.schema
    .createTable('rm_release_values')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('position', POSITION, (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('release_id', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_release_values_pk', ['generation', 'position'])
    .execute();
  await db.schema
    .createIndex('rm_release_values_by_release')
    .ifNotExists()
    .on('rm_release_values')
    .columns(['generation', 'series', 'release_id', 'position'])
    .execute();
}

/** The audit log's index of the event log (its table keeps the name it was first stored under). */
async function createAuditLogTables(db: Kysely<ReadModelTables>): Promise<void> {
  await db.schema
    .createTable('rm_event_index')
    .ifNotExists()
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('position', POSITION, (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('mission_code', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_event_index_pk', ['generation', 'position'])
    .execute();
  for (const column of ['project_id', 'mission_code', 'actor_id', 'type', 'recorded_at'] as const) {
    await db.schema
      .createIndex(`rm_event_index_by_${column}`)
      .ifNotExists()
      .on('rm_event_index')
      .columns(['generation', column, 'position'])
      .execute();
  }
}
