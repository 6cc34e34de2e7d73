export * from './canonical-json';
export * from './errors';
export * from './event-store.port';
export * from './hash-chain';
export * from './head-signal';
export * from './stored-event';
export * from './verify-chains';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
