import type { StoreConfig } from './portfolio-config';

/** A connection string without its credentials: what may be logged. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** One line saying where the events and the read models live, for the start-up log. */
export function describeStore(store: StoreConfig): string {
  switch (store.kind) {
    case 'sqlite':
      return `events and read models in SQLite ${store.file}`;
    case 'postgres':
      return `events and read models in PostgreSQL ${withoutCredentials(store.databaseUrl)}, schema ${store.schema}`;
    case 'kurrentdb':
      return (
        `events in KurrentDB ${withoutCredentials(store.kurrentDbUrl)}, read models in PostgreSQL ` +
        `${withoutCredentials(store.readModels.databaseUrl)}, schema ${store.readModels.schema}`
      );
    default: {
      const unreachable: never = store;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
