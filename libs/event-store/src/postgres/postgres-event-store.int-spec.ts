import { Pool } from 'pg';
import { eventStoreContract } from '../testing/event-store-contract';
import { openPostgresContractSubject } from '../testing/postgres-contract-subject';
import { scratchPostgresSchema } from '../testing/scratch-database';
import { testDatabaseUrl } from '../testing/test-database-url';
import {
  UNSCOPED_COMMAND_ID_VERSION,
  expectCommandsScopedAfterUpgrade,
  UNSCOPED_INSERT_COLUMNS,
  unscopedRows,
} from '../testing/unscoped-command-events';
import { PostgresEventStore } from './postgres-event-store';
import { migratePostgresEventStore, quoteIdentifier } from './postgres-schema';

eventStoreContract('PostgreSQL', () => openPostgresContractSubject(testDatabaseUrl()));

describe('PostgreSQL idempotency keys of an earlier release', () => {
  it('scopes the command ids already stored to their principal when the schema is upgraded', async () => {
    const { connectionString, schema, drop } = scratchPostgresSchema('es');
    const raw = new Pool({ connectionString, max: 1, options: `-c search_path=${quoteIdentifier(schema)}` });
    await migratePostgresEventStore(raw, schema, UNSCOPED_COMMAND_ID_VERSION);
    const rows = unscopedRows();
    for (const [index, row] of rows.entries()) {
      await raw.query(
        `INSERT INTO events (position, ${UNSCOPED_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [index + 1, ...row],
      );
    }
    await raw.query('UPDATE event_log_head SET position = $1', [rows.length]);
    const store = await PostgresEventStore.open({ connectionString, schema });
    try {
      const imported = await raw.query("SELECT command_key FROM events WHERE type = 'Imported'");
      expect(imported.rows).toEqual([{ command_key: null }]);
      await expectCommandsScopedAfterUpgrade(store);
    } finally {
      await store.close();
      await raw.end();
      await drop();
    }
  });
});
