import { sql } from 'kysely';
import { scratchPostgresSchema, type ScratchSchema } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database';

describe('read-model database on PostgreSQL: statement bounds', () => {
  let scratch: ScratchSchema;
  let database: ReadModelDatabase;
  beforeEach(async () => {
    scratch = scratchPostgresSchema('rm_bounds');
    const { connectionString: databaseUrl, schema } = scratch;
    database = await openReadModelDatabase({
      kind: 'postgres',
      databaseUrl,
      schema,
      timeouts: { connectMs: 1000, statementMs: 200, keepAliveDelayMs: 1000 },
    });
  });
  afterEach(async () => {
    await database.close();
    await scratch.drop();
  });

  const longStatement = () => sql`SELECT pg_sleep(0.5)`.compile(database.db);

  it('cancels a statement that outlasts the statement timeout', async () => {
    await expect(database.writeAtomically({ statements: [longStatement()] })).rejects.toThrow(/statement timeout/);
  });

  it('lets work declared unbounded (dropping a generation) run past it', async () => {
    await expect(database.writeAtomically({ statements: [longStatement()], unbounded: true })).resolves.toBe(true);
  });
});
