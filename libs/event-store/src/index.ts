export * from './canonical-json';
export { commandKey, type IssuedCommand } from './command-key';
export * from './errors';
export { newEventId } from './event-id';
export { timeSliceSpent, timeToYieldAt, yieldToEventLoop } from './event-loop-slice';
export * from './event-store.port';
export * from './hash-chain';
export * from './head-signal';
export * from './stored-event';
export * from './verify-chains';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { preparePrivateDatabaseFile } from './sqlite/private-database-file';
export { openSqliteFile } from './sqlite/open-sqlite-file';
export { sqliteOpenError, translateSqliteFault } from './sqlite/sqlite-faults';
export { translatePostgresFault } from './postgres/postgres-faults';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
export { openKurrentDbEventStore } from './kurrentdb/open-kurrentdb-event-store';
export { Backoff } from './backoff';
export {
  boundedClient,
  boundedConnectionConfig,
  boundedPool,
  DEFAULT_POSTGRES_TIMEOUTS,
  describeServer,
  endClientWithin,
  endWithin,
  pingQuery,
  PostgresUnreachableError,
  type PostgresTimeouts,
} from './postgres/postgres-connection';
