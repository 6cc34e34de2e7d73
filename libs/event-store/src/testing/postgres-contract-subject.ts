// Test support: the event-store contract's subject on PostgreSQL, a store on a fresh schema of the server at
// `connectionString`, with raw SQL for the tamper cases.
import { Pool } from 'pg';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { quoteIdentifier } from '../postgres/postgres-schema';
import type { ContractSubject, Tamperer } from './event-store-contract';
import { scratchPostgresSchema } from './scratch-database';

function tampererOn(raw: Pool): Tamperer {
  return {
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
  };
}

export async function openPostgresContractSubject(databaseUrl: string): Promise<ContractSubject> {
  const scratch = scratchPostgresSchema('es', databaseUrl);
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
    tamper: tampererOn(raw),
    dispose: async () => {
      await store.close();
      await Promise.all(others.map((o) => o.close().catch(() => undefined)));
      await raw.end();
      await scratch.drop();
    },
  };
}
