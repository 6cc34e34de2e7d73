// Test support: the PostgreSQL a test run uses, and one line saying which: `DATABASE_URL` when set, else the local
// server when one answers at the default address, else a throwaway embedded one started for the run, so that
// `npm test` needs no PostgreSQL installed.
import { Client, DatabaseError } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { LOCAL_TEST_DATABASE_URL } from './test-database-url';

export interface TestPostgres {
  readonly url: string;
  /** Which PostgreSQL, where, and why this one, e.g. `PostgreSQL 15.20 at 127.0.0.1:5432/test (the local server)`. */
  readonly description: string;
  /** The server started for the run, when none was given or answered. */
  readonly embedded?: EmbeddedPostgres;
  /** Stops the server started for the run, if any. */
  stop(): Promise<void>;
}

type Answer =
  | { readonly kind: 'server'; readonly version: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'nothing'; readonly message: string };

const PROBE_TIMEOUT_MS = 3_000;

/** An error's message; not through instanceof Error, which fails on Node's own errors inside Jest's sandbox. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : String(error);
}

/** What answers at `url`: a PostgreSQL server (its version, or the error it answered), or nothing (why not). */
async function probe(url: string): Promise<Answer> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return { kind: 'server', version: rows[0].server_version.split(' ')[0] };
  } catch (error) {
    return { kind: error instanceof DatabaseError ? 'error' : 'nothing', message: messageOf(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `host:port/database`: where, without the role or a password. */
function serverOf(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '5432'}${pathname}`;
}

function answering(url: string, answer: Answer, source: string): string {
  if (answer.kind === 'server') return `PostgreSQL ${answer.version} at ${serverOf(url)} (${source})`;
  return `PostgreSQL at ${serverOf(url)} (${source}), which cannot be used: ${answer.message}`;
}

/**
 * The server for a run: the environment's `DATABASE_URL` if set, else the one at `localUrl` if PostgreSQL answers
 * there (even with an error, which the description then names), else an embedded one.
 */
export async function provideTestPostgres(
  env: { readonly DATABASE_URL?: string } = process.env,
  localUrl = LOCAL_TEST_DATABASE_URL,
): Promise<TestPostgres> {
  const stopNothing = async (): Promise<void> => undefined;
  const databaseUrl = env.DATABASE_URL;
  if (databaseUrl) {
    const description = answering(databaseUrl, await probe(databaseUrl), 'DATABASE_URL');
    return { url: databaseUrl, description, stop: stopNothing };
  }
  const local = await probe(localUrl);
  if (local.kind !== 'nothing') {
    return { url: localUrl, description: answering(localUrl, local, 'the local server'), stop: stopNothing };
  }
  const nothingLocal = `nothing answers at ${serverOf(localUrl)}: ${local.message}`;
  try {
    const embedded = await startEmbeddedPostgres();
    const description = `PostgreSQL ${embedded.version}, embedded, at ${serverOf(embedded.url)} (${nothingLocal})`;
    return { url: embedded.url, description, embedded, stop: embedded.stop };
  } catch (error) {
    // The SQLite half of the suite can still run: the PostgreSQL tests then fail, and this line says why.
    const description = `No PostgreSQL for this run (${nothingLocal}): ${messageOf(error)}`;
    return { url: localUrl, description, stop: stopNothing };
  }
}
