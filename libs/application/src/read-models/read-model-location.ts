import type { ReadModelLocation } from '@portfolio/read-models';
import type { StoreConfig } from '../config/portfolio-config';

/** Beside the events on SQLite and PostgreSQL; in the configured PostgreSQL database beside a KurrentDB log (§7). */
export function readModelLocation(store: StoreConfig): ReadModelLocation {
  switch (store.kind) {
    case 'sqlite':
      return store;
    case 'postgres':
      return { kind: 'postgres', databaseUrl: store.databaseUrl, schema: store.schema };
    case 'kurrentdb':
      return { kind: 'postgres', ...store.readModels };
    default: {
      const unreachable: never = store;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
