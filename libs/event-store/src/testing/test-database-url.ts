/** The PostgreSQL server the tests use: `DATABASE_URL`, else the local one of the development machines. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}
