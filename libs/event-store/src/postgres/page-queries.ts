// The connections the store reads the log's pages on, queried in pg's callback form under a read bound of our own.
import type { Pool, PoolConfig, QueryResultRow } from 'pg';
import { destroyConnection, endWithin, readTimeoutError, trackedPool } from './postgres-connection';

/**
 * Connections for pages at most: a page is one short query, so that readers waiting for one wait little, and a long
 * read (an export, a rebuild) adds this many connections to the server at most.
 */
const PAGE_CONNECTIONS = 4;

/**
 * Why a pool of its own: with pg's promise form of `query`, or with its `query_timeout`, or behind a wrapper of the
 * query's callback, V8's young-generation collector kept every page's rows (the payload texts) alive until the next
 * full collection, however long ago the page was handed out: about the whole read promoted to the old generation,
 * 75 MB for 100,000 events, and a heap grown to ~150 MB between full collections. Queried in the callback form, with
 * the bound kept by a timer here, the rows die young: the NDJSON export of 100k events peaks at ~180 MB instead of
 * ~280 MB, the bundle at ~215 MB instead of ~285 MB.
 */
export class PageQueries {
  private readonly pool: Pool;
  /** How long an answer may take (the pool's `query_timeout`); none when statements are unbounded. */
  private readonly readTimeoutMs: number | undefined;

  constructor(config: PoolConfig) {
    const { query_timeout: readTimeoutMs, ...unbounded } = config;
    this.pool = trackedPool({ ...unbounded, max: PAGE_CONNECTIONS });
    this.readTimeoutMs = readTimeoutMs;
  }

  /**
   * The rows of one page. A server that does not answer within the bound fails it as pg's `query_timeout` would,
   * and its connection is destroyed, so that the pool drops it rather than handing it out behind the lost answer.
   */
  rows<Row extends QueryResultRow>(sql: string, params: readonly unknown[]): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      this.pool.connect((connectError, client, release) => {
        if (connectError !== undefined || client === undefined) {
          reject(connectError);
          return;
        }
        const timeout = this.readTimeoutMs;
        // Destroying the connection fails the query, whose callback then releases the client with that error.
        const timer =
          timeout === undefined
            ? undefined
            : setTimeout(() => (reject(readTimeoutError()), destroyConnection(client)), timeout);
        client.query<Row>(sql, params as unknown[], (error, result) => {
          clearTimeout(timer);
          release(error ?? undefined);
          if (error) reject(error);
          else resolve(result.rows);
        });
      });
    });
  }

  close(withinMs: number): Promise<void> {
    return endWithin(this.pool, withinMs);
  }
}
