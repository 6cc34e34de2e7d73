import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { freePort } from './free-port';
import { provideTestPostgres, type TestPostgres } from './test-postgres';

const START_TIMEOUT_MS = 120_000;

async function firstRow(url: string, sql: string): Promise<Record<string, unknown>> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0];
  } finally {
    await client.end();
  }
}

async function stopped(run: TestPostgres): Promise<void> {
  await expect(firstRow(run.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  expect(existsSync(run.embedded?.dataDirectory ?? '')).toBe(false);
}

async function exited(processId: number): Promise<void> {
  const alive = (): boolean => {
    try {
      return process.kill(processId, 0);
    } catch {
      return false;
    }
  };
  for (let waited = 0; alive() && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
}

describe('the PostgreSQL of a test run', () => {
  /** The default address of a machine with no PostgreSQL: nothing listens there. */
  let nowhere: string;
  beforeAll(async () => {
    nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
  });

  describe('with DATABASE_URL unset and nothing answering at the default address', () => {
    let run: TestPostgres;
    beforeAll(async () => {
      run = await provideTestPostgres({}, nowhere);
    }, START_TIMEOUT_MS);
    afterAll(() => run?.stop());

    it('is an embedded PostgreSQL 18 or later, with an empty UTF-8 `test` database, and says so', async () => {
      expect(run.embedded).toBeDefined();
      const row = await firstRow(
        run.url,
        `SELECT current_database() AS database, current_setting('server_version_num')::int AS version,
                pg_encoding_to_char(encoding) AS encoding,
                (SELECT count(*)::int FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')) AS tables
           FROM pg_database WHERE datname = current_database()`,
      );
      expect(row).toEqual({ database: 'test', version: expect.any(Number), encoding: 'UTF8', tables: 0 });
      expect(row.version).toBeGreaterThanOrEqual(180000);
      const port = new URL(nowhere).port;
      expect(run.description).toMatch(
        new RegExp(
          `^PostgreSQL 1[89]\\.\\d+, embedded, at 127\\.0\\.0\\.1:\\d+/test ` +
            `\\(nothing answers at 127\\.0\\.0\\.1:${port}/test: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`,
        ),
      );
    });

    it('lets in, with no password, a login role the tests create, as the local servers do', async () => {
      const role = `portfolio_probe_${process.pid}`;
      await firstRow(run.url, `CREATE ROLE ${role} LOGIN`);
      const url = new URL(run.url);
      url.username = role;
      expect(await firstRow(url.toString(), 'SELECT current_user AS role')).toEqual({ role });
      await firstRow(run.url, `DROP ROLE ${role}`);
    });

    it('is the local server of a later run, which then starts none', async () => {
      const later = await provideTestPostgres({}, run.url);
      expect(later.embedded).toBeUndefined();
      expect(later.url).toBe(run.url);
      expect(later.description).toMatch(/^PostgreSQL 1[89]\.\d+ at 127\.0\.0\.1:\d+\/test \(the local server\)$/);
    });
  });

  it('is DATABASE_URL when given, even if nothing answers there, with the reason in its description', async () => {
    const given = await provideTestPostgres({ DATABASE_URL: nowhere }, nowhere);
    expect(given.embedded).toBeUndefined();
    expect(given.url).toBe(nowhere);
    expect(given.description).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:\d+\/test \(DATABASE_URL\), which cannot be used: .*ECONNREFUSED/,
    );
  });

  it(
    'stops the embedded server and removes its data when the run ends',
    async () => {
      const run = await provideTestPostgres({}, nowhere);
      expect(existsSync(run.embedded?.dataDirectory ?? '')).toBe(true);
      await run.stop();
      await stopped(run);
    },
    START_TIMEOUT_MS,
  );

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops the embedded server and removes its data when the run is interrupted (%s)',
    async (signal) => {
      const run = await provideTestPostgres({}, nowhere);
      const processId = run.embedded?.processId;
      if (processId === undefined) throw new Error(`no embedded PostgreSQL: ${run.description}`);
      process.kill(processId, signal);
      await exited(processId);
      await stopped(run);
    },
    START_TIMEOUT_MS,
  );
});
