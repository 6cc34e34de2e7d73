// Before any test: names this Jest run, so that suites running the built service build it once per run (see
// buildServiceOnce), and picks the run's PostgreSQL, starting an embedded one when none is given or answers.
import { provideTestPostgres, type TestPostgres } from '../../libs/event-store/src/testing/test-postgres';

/** Where global-teardown.ts finds the run's PostgreSQL: Jest shares globalThis between the two hooks, nothing else. */
export const RUN_POSTGRES = Symbol.for('portfolio-ledger.test-postgres');

export default async function globalSetup(): Promise<void> {
  process.env.PORTFOLIO_TEST_RUN = `${Date.now()}-${process.pid}`;
  const postgres = await provideTestPostgres();
  (globalThis as Record<symbol, TestPostgres>)[RUN_POSTGRES] = postgres;
  // The workers start after this hook and inherit its environment.
  process.env.DATABASE_URL = postgres.url;
  process.stdout.write(`\n${postgres.description}\n`);
}
