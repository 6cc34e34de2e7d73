import { Pool } from 'pg';
import { eventStoreContract } from '../testing/event-store-contract';
import { scratchPostgresSchema } from '../testing/scratch-database';
import {
  UNSCOPED_COMMAND_ID_VERSION,
  expectCommandsScopedAfterUpgrade,
  UNSCOPED_INSERT_COLUMNS,
  unscopedRows,
} from '../testing/unscoped-command-events';
import { PostgresEventStore } from './postgres-event-store';
import { migratePostgresEventStore, quoteIdentifier } from './postgres-schema';

eventStoreContract('PostgreSQL', async () => {
  const scratch = scratchPostgresSchema('es');
  const { connectionString, schema } = scratch;
  const store = await PostgresEventStore.open({ connectionString, schema });
  const raw = new Pool({ connectionString, max: 2, options: `-c search_path=${quoteIdentifier(schema)}` });
  const others: PostgresEventStore[] = [];
  return {
    store,
    openAnother: async () => {
      const other = await PostgresEventStore.open({ connectionString, schema, poolSize: 2 });
      others.push(other);
      return other;
    },
    tamper: {
      setData: async (position, text) =>
        void (await raw.query('UPDATE events SET data = $1 WHERE position = $2', [text, position.toString()])),
      setMetadata: async (position, text) =>
        void (await raw.query('UPDATE events SET metadata = $1 WHERE position = $2', [text, position.toString()])),
      deleteEvent: async (position) =>
        void (await raw.query('DELETE FROM events WHERE position = $1', [position.toString()])),
      swapPositions: async (a, b) => {
        const client = await raw.connect();
        try {
          await client.query('BEGIN');
          for (const [to, from] of [
            [-1n, a],
            [a, b],
            [b, -1n],
          ]) {
            await client.query('UPDATE events SET position = $1 WHERE position = $2', [to.toString(), from.toString()]);
          }
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      },
    },
    dispose: async () => {
      await store.close();
      await Promise.all(others.map((o) => o.close().catch(() => undefined)));
      await raw.end();
      await scratch.drop();
    },
  };
});

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
