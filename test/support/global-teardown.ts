// After the last test: stops the PostgreSQL that global-setup.ts started for the run, if it started one.
import type { TestPostgres } from '../../libs/event-store/src/testing/test-postgres';
import { RUN_POSTGRES } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as Record<symbol, TestPostgres | undefined>)[RUN_POSTGRES]?.stop();
}
