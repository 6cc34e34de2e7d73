import { KurrentDbEventStore, PostgresEventStore, SqliteEventStore, type EventStore } from '@portfolio/event-store';
import type { StoreConfig } from '../config/portfolio-config';

/** Injection token of the EventStore port. */
export const EVENT_STORE = Symbol('EventStore');

/** Opens the adapter the configuration names, creating or migrating its schema. */
export async function openEventStore(config: StoreConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: config.file });
    case 'postgres':
      return PostgresEventStore.open({ connectionString: config.databaseUrl, schema: config.schema });
    case 'kurrentdb':
      return KurrentDbEventStore.open({ connectionString: config.kurrentDbUrl });
    default: {
      const unreachable: never = config;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
