import { StoreUnavailableError, type StorageFault } from '../errors';
import { describeServer, isReadTimeout } from './postgres-connection';

// SQLSTATE class 08 (connection exception), 57P0x (the server shut the session down) and 57014 (a statement
// cancelled, by statement_timeout), plus socket-level failures.
const CONNECTION_LOST = /^(08|57P0|57014)/;
const SOCKET_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
// pg's words for a connection that could not be made or a pool client that could not be had in time.
const CONNECT_TIMEOUT = /timeout expired|connection timeout|timeout exceeded when trying to connect/i;

const FAULT_OF_SQLSTATE: Readonly<Record<string, StorageFault>> = {
  '53100': 'disk_full',
  // A read-only transaction: default_transaction_read_only, or a hot standby.
  '25006': 'read_only',
  '58030': 'io_error',
};

/** The storage fault behind a pg error, undefined for any other error. */
export function postgresFault(error: unknown): StorageFault | undefined {
  const { code, message = '' } = (error ?? {}) as { code?: string; message?: string };
  if (code !== undefined && FAULT_OF_SQLSTATE[code] !== undefined) return FAULT_OF_SQLSTATE[code];
  if (
    (code !== undefined && (CONNECTION_LOST.test(code) || SOCKET_ERRORS.has(code))) ||
    /Connection terminated|not queryable/i.test(message) ||
    CONNECT_TIMEOUT.test(message) ||
    isReadTimeout(error)
  ) {
    return 'unreachable';
  }
  return undefined;
}

/** `error` as StoreUnavailableError naming the server (never its credentials) when a storage fault caused it. */
export function translatePostgresFault(error: unknown, connectionString: string): unknown {
  const fault = postgresFault(error);
  return fault === undefined
    ? error
    : new StoreUnavailableError(fault, `PostgreSQL at ${describeServer(connectionString)}`, error);
}
