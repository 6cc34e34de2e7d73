// The contract once more on the newest PostgreSQL, an embedded one, whatever server the run uses: CI's is older.
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../testing/embedded-postgres';
import { eventStoreContract } from '../testing/event-store-contract';
import { openPostgresContractSubject } from '../testing/postgres-contract-subject';

const START_TIMEOUT_MS = 120_000;

let server: EmbeddedPostgres | undefined;
beforeAll(async () => {
  server = await startEmbeddedPostgres();
}, START_TIMEOUT_MS);
afterAll(() => server?.stop());

function embeddedServer(): EmbeddedPostgres {
  if (server === undefined) throw new Error('the embedded PostgreSQL did not start (see beforeAll)');
  return server;
}

it('runs PostgreSQL 18 or later', () => {
  expect(Number(embeddedServer().version.split('.')[0])).toBeGreaterThanOrEqual(18);
});

eventStoreContract('Embedded PostgreSQL', () => openPostgresContractSubject(embeddedServer().url));
