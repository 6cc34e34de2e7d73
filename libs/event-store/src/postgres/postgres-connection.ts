// How every PostgreSQL connection of the service is bounded, so that a server which accepts connections but stops
// answering (hung server, stuck proxy, partition after the handshake) makes calls fail instead of hang.
import { Client, Pool, type ClientBase, type ClientConfig, type PoolConfig, type QueryConfig } from 'pg';

export interface PostgresTimeouts {
  /** Longest wait for a connection: the TCP connect and the start-up handshake, or a free client of a pool. */
  readonly connectMs: number;
  /**
   * Longest a statement may run on the server (its `statement_timeout`). The client gives up waiting for an answer
   * `connectMs` later: the server had the time to cancel the statement and say so, so its silence means it is gone.
   * 0: no bound on statements, nor on answers (for a migration or a rebuild known to take long).
   */
  readonly statementMs: number;
  /** An idle connection is probed after this long: TCP keepalive, and the watchdog of the LISTEN connection. */
  readonly keepAliveDelayMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = {
  connectMs: 5000,
  statementMs: 30_000,
  keepAliveDelayMs: 10_000,
};

/** The options every pg client and pool of the service takes, bounded by `timeouts`. */
export function boundedConnectionConfig(connectionString: string, timeouts: PostgresTimeouts): ClientConfig {
  const connection: ClientConfig = {
    connectionString,
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: timeouts.keepAliveDelayMs,
  };
  if (timeouts.statementMs === 0) return connection;
  return {
    ...connection,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + timeouts.connectMs,
    // A client gone in the middle of a transaction (destroyed after a read timeout, partitioned away) would hold its
    // locks, the log's head row among them, until the server noticed; none of ours pauses inside one.
    idle_in_transaction_session_timeout: timeouts.statementMs,
  };
}

/**
 * `SELECT 1` bounded by `timeoutMs` rather than the statement's bound: a ping that an idle, healthy server answers at
 * once. pg takes a per-query `query_timeout` that its types do not declare.
 */
export function pingQuery(timeoutMs: number): QueryConfig {
  return { text: 'SELECT 1', query_timeout: timeoutMs } as QueryConfig;
}

/** The longest timer Node keeps: about 24.8 days, as good as no bound for a query. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** `text` without the client's query timeout, for work that lasts as long as the data is large (a migration). */
export function unboundedQuery(text: string): QueryConfig {
  return { text, query_timeout: LONGEST_TIMER_MS } as QueryConfig;
}

/** pg's message when `query_timeout` expires: the server did not answer at all, not even to cancel. */
const READ_TIMEOUT = 'Query read timeout';

/** The error of a query whose answer did not come within its read bound, as pg words it. */
export function readTimeoutError(): Error {
  return new Error(READ_TIMEOUT);
}

export function isReadTimeout(error: unknown): boolean {
  return (error as Error | undefined)?.message === READ_TIMEOUT;
}

/**
 * After a read timeout the client still waits for the answer to the query it gave up on, and every later query
 * queues behind it: its connection is destroyed, so that the client fails at once and a pool drops it rather than
 * handing it out again.
 */
export function dropOnReadTimeout<C extends ClientBase>(client: C): C {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const drop = (error: unknown): void => {
    if (!isReadTimeout(error)) return;
    // Ending marks the client at once, so that a pool it is released to right after drops it; then no goodbye is
    // waited for from a server that does not answer.
    void (client as unknown as Client).end().catch(() => undefined);
    destroyConnection(client);
  };
  client.query = ((...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        drop(error);
        (callback as (error: unknown, result: unknown) => void)(error, result);
      };
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.catch((error: unknown) => (drop(error), Promise.reject(error))) : result;
  }) as C['query'];
  return client;
}

export function destroyConnection(client: ClientBase): void {
  (client as unknown as Client).connection.stream.destroy();
}

/** The clients of each bounded pool, so that ending it need not wait for a silent server to close them. */
const clientsOf = new WeakMap<Pool, Set<ClientBase>>();

/** A pool whose clients are bounded, dropped after a read timeout, and whose lost connections never crash the process. */
export function boundedPool(config: PoolConfig): Pool {
  const pool = trackedPool(config);
  pool.on('connect', (client) => dropOnReadTimeout(client));
  return pool;
}

/**
 * A pool whose lost connections never crash the process and which endWithin can close, for a caller that bounds
 * its queries' answers itself.
 */
export function trackedPool(config: PoolConfig): Pool {
  const pool = new Pool(config);
  const clients = new Set<ClientBase>();
  clientsOf.set(pool, clients);
  pool.on('remove', (client) => clients.delete(client));
  // A client that loses its server emits 'error', idle in the pool or checked out between two queries; without a
  // listener that would crash the process. The query in flight, if any, fails on its own and is reported.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    clients.add(client);
  });
  return pool;
}

/**
 * Runs `end` (ending a bounded pool, or what wraps it); connections not closed within `withinMs`, as a silent server
 * leaves them (it never answers the goodbye), are destroyed so that it finishes.
 */
export async function endWithin(
  pool: Pool,
  withinMs: number,
  end: () => Promise<void> = () => pool.end(),
): Promise<void> {
  const timer = setTimeout(() => clientsOf.get(pool)?.forEach(destroyConnection), withinMs);
  try {
    await end();
  } finally {
    clearTimeout(timer);
  }
}

/** Ends a client of its own, destroying its connection if the server does not let it close within `withinMs`. */
export async function endClientWithin(client: Client, withinMs: number): Promise<void> {
  const timer = setTimeout(() => destroyConnection(client), withinMs);
  try {
    await client.end();
  } catch {
    // Already ended or broken: closed either way.
  } finally {
    clearTimeout(timer);
  }
}

/** A client of its own (LISTEN, the advisory lock), dropped after a read timeout. */
export function boundedClient(config: ClientConfig): Client {
  return dropOnReadTimeout(new Client(config));
}

/** `host:port/database` of a connection string, without credentials: what an error message may name. */
export function describeServer(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured server';
  }
}

/** Why a connection at start-up failed, naming the server and the bound when it was a timeout. */
export class PostgresUnreachableError extends Error {
  constructor(connectionString: string, timeouts: PostgresTimeouts, cause: unknown) {
    const reason = (cause as Error | undefined)?.message ?? String(cause);
    const silent = /timeout|timed out/i.test(reason);
    const server = `PostgreSQL at ${describeServer(connectionString)}`;
    const queryBound = timeouts.statementMs === 0 ? 'none' : `${timeouts.statementMs + timeouts.connectMs} ms`;
    super(
      silent
        ? `${server} did not answer in time (connect timeout ${timeouts.connectMs} ms, query timeout ${queryBound}): ${reason}`
        : `${server} could not be used: ${reason}`,
      { cause },
    );
    this.name = 'PostgresUnreachableError';
  }
}
