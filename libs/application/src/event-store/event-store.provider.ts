import { Logger } from '@nestjs/common';
import { openKurrentDbEventStore, PostgresEventStore, SqliteEventStore, type EventStore } from '@portfolio/event-store';
import type { PortfolioConfig } from '../config/portfolio-config';

/** Injection token of the EventStore port. */
export const EVENT_STORE = Symbol('EventStore');

/** Opens the adapter the configuration names, creating or migrating its schema. */
export async function openEventStore({ store: config, postgresTimeouts }: PortfolioConfig): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: config.file });
    case 'postgres':
      return PostgresEventStore.open({
        connectionString: config.databaseUrl,
        schema: config.schema,
        ...(postgresTimeouts === undefined ? {} : { timeouts: postgresTimeouts }),
        log: (message) => new Logger('EventStore').warn(message),
      });
    case 'kurrentdb':
      return openKurrentDbEventStore({ connectionString: config.kurrentDbUrl });
    default: {
      const unreachable: never = config;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
