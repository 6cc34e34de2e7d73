/** The PostgreSQL of the development machines and of CI, which the tests use when it answers. */
export const LOCAL_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The PostgreSQL server the tests use: `DATABASE_URL`, which the run's global setup sets (to the local server, or to
 * an embedded one it started when none answers), else the local one.
 */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL || LOCAL_TEST_DATABASE_URL;
}
