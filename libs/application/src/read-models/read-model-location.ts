import type { ReadModelLocation } from '@portfolio/read-models';
import type { PortfolioConfig } from '../config/portfolio-config';

/**
 * Beside the events on SQLite and PostgreSQL; in the configured PostgreSQL database beside a KurrentDB log (§7).
 * PostgreSQL's with the configured bounds on its connections.
 */
export function readModelLocation({ store, postgresTimeouts }: PortfolioConfig): ReadModelLocation {
  const timeouts = postgresTimeouts === undefined ? {} : { timeouts: postgresTimeouts };
  switch (store.kind) {
    case 'sqlite':
      return store;
    case 'postgres':
      return { kind: 'postgres', databaseUrl: store.databaseUrl, schema: store.schema, ...timeouts };
    case 'kurrentdb':
      return { kind: 'postgres', ...store.readModels, ...timeouts };
    default: {
      const unreachable: never = store;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
