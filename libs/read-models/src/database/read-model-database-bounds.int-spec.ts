import { sql } from 'kysely';
import { scratchPostgresSchema, type ScratchSchema } from '../../../event-store/src/testing/scratch-database';
import { startSilentProxy } from '../../../event-store/src/testing/silent-proxy';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database';

describe('read-model database on PostgreSQL: statement bounds', () => {
  let scratch: ScratchSchema;
  let database: ReadModelDatabase;
  const timeouts = { connectMs: 1000, statementMs: 200, keepAliveDelayMs: 1000 };
  beforeEach(async () => {
    scratch = scratchPostgresSchema('rm_bounds');
    const { connectionString: databaseUrl, schema } = scratch;
    database = await openReadModelDatabase({ kind: 'postgres', databaseUrl, schema, timeouts });
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

  it('drops a connection that left a query unanswered, rather than handing it out again', async () => {
    const proxy = await startSilentProxy(scratch.connectionString);
    const { schema } = scratch;
    const proxied = await openReadModelDatabase({ kind: 'postgres', databaseUrl: proxy.url, schema, timeouts });
    try {
      const read = () => proxied.db.selectFrom('rm_generations').select('generation').execute();
      await read();
      // The pooled connection goes silent for good; a new one would be answered.
      proxy.silenceOpenConnections();
      await expect(read()).rejects.toThrow('Query read timeout');
      await expect(read()).resolves.toEqual([]);
    } finally {
      proxy.resume();
      await proxied.close();
      await proxy.close();
    }
  });
});
