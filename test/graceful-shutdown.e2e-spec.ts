import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { EventStreamClient } from './support/event-stream-client';
import {
  buildServiceOnce,
  checkServiceResponse,
  fetchService,
  freePort,
  startService,
  type ServiceProcess,
} from './support/service-process';
import { postgresStore, sqliteStore, type ServiceStore } from './support/service-store';
import { API_TOKENS_VARIABLE, bearer, jsonRequestHeaders } from './support/test-app';

// SIGTERM under load, on the built service as `npm start` runs it: keep-alive clients keep every connection busy,
// which is what kept the process serving until SIGKILL before the drain.

const CLIENTS = 16;
const DEADLINE_MS = 5_000;

/** One request of a client: a complete response, or the error that ended it. */
interface Outcome {
  readonly key: string;
  readonly status?: number;
  readonly connection?: string;
  readonly error?: string;
}

function mission(code: string): string {
  return JSON.stringify({
    missionCode: code,
    name: `Mission ${code}`,
    programme: 'Tech.gouv',
    definedOn: '2019-04-25',
  });
}

function defineMission(url: string, agent: Agent, code: string): Promise<Outcome> {
  const key = `shutdown-${code}`;
  const body = mission(code);
  const target = `${url}/api/v1/missions`;
  // Raw http, not fetch: this observes connections (one agent, a response cut by the shutdown, the Connection
  // header); a complete response is checked as fetchService checks its own.
  return new Promise((resolve) => {
    const headers = { ...jsonRequestHeaders('programme-office'), 'Idempotency-Key': key };
    const sent = request(target, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      // 'aborted' then 'error': the connection was cut in the middle of the response.
      response.on('error', () => resolve({ key, error: 'truncated response' }));
      response.on('end', () => {
        if (!response.complete) return resolve({ key, error: 'truncated response' });
        const status = response.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8');
        const checked = checkServiceResponse(target, 'POST', status, response.headers['content-type'], text);
        void checked.then(
          () => resolve({ key, status, connection: response.headers.connection }),
          (error: Error) => resolve({ key, error: error.message }),
        );
      });
    });
    sent.on('error', (error: NodeJS.ErrnoException) => resolve({ key, error: error.code ?? error.message }));
    sent.end(body);
  });
}

/** A client sending one command after another on one keep-alive connection, until the service turns it away. */
async function keepAliveClient(url: string, index: number, answered: { count: number }): Promise<Outcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const outcomes: Outcome[] = [];
  try {
    for (let n = 0; n < 100_000; n++) {
      const outcome = await defineMission(url, agent, `C${index}-${n}`);
      outcomes.push(outcome);
      if (outcome.status !== undefined) answered.count++;
      if (outcome.error !== undefined || outcome.connection === 'close') return outcomes;
    }
    return outcomes;
  } finally {
    agent.destroy();
  }
}

function exitOf(service: ServiceProcess): Promise<{ code: number | null; signal: string | null; at: number }> {
  return new Promise((resolve) =>
    service.child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
}

function sleep(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await sleep(25);
  if (!condition()) throw new Error('timed out waiting');
}

async function startOn(store: ServiceStore): Promise<ServiceProcess> {
  return startService(await freePort(), {
    ...store.env,
    PORTFOLIO_API_TOKENS: API_TOKENS_VARIABLE,
    PORTFOLIO_SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
  });
}

beforeAll(buildServiceOnce, 180_000);

describe.each([
  ['sqlite', () => sqliteStore('shutdown')],
  ['postgres', () => postgresStore('shutdown')],
] as const)('graceful shutdown on %s', (_kind, openStore) => {
  it(`answers every command it took from ${CLIENTS} keep-alive clients, then exits 0 within the deadline`, async () => {
    const store = openStore();
    const service = await startOn(store);
    try {
      const answered = { count: 0 };
      const clients = Array.from({ length: CLIENTS }, (_, index) => keepAliveClient(service.url, index, answered));
      await waitFor(() => answered.count >= CLIENTS * 10);
      const exited = exitOf(service);
      const signalledAt = Date.now();
      service.child.kill('SIGTERM');
      const exit = await Promise.race([exited, sleep(DEADLINE_MS + 2_000)]);
      if (exit === undefined) await service.kill(); // still serving: the clients stop only with it

      expect(exit).toMatchObject({ code: 0, signal: null });
      expect((exit?.at ?? Infinity) - signalledAt).toBeLessThan(DEADLINE_MS);
      const all = (await Promise.all(clients)).flat();
      expect(all.filter((outcome) => outcome.status !== undefined && outcome.status !== 201)).toEqual([]);
      // No client here leaves its connection idle for long: a reset would be a request that had reached the service.
      expect(all.filter((outcome) => outcome.error !== undefined)).toEqual([]);
      // Each client's last request was in flight at the signal: answered, and its connection closed.
      expect(all.filter((outcome) => outcome.connection === 'close')).toHaveLength(CLIENTS);
      // Taken means recorded: every recorded command got its complete answer, and every answer was recorded.
      const recorded = await store.recordedCommandIds();
      const answeredKeys = new Set(all.filter((outcome) => outcome.status === 201).map((outcome) => outcome.key));
      expect([...recorded].filter((key) => key.startsWith('shutdown-') && !answeredKeys.has(key))).toEqual([]);
      expect([...answeredKeys].filter((key) => !recorded.has(key))).toEqual([]);
    } finally {
      await service.kill();
      await store.dispose();
    }
  }, 60_000);
});

describe('graceful shutdown of a slow request', () => {
  it('refuses new connections but answers a request whose body is still arriving after SIGTERM', async () => {
    const store = sqliteStore('shutdown');
    const service = await startOn(store);
    try {
      const body = mission('SLOW');
      const headers = { ...jsonRequestHeaders('programme-office'), 'Idempotency-Key': 'slow' };
      // A raw socket, its exchange unchecked: the body trickles in across the signal, which no HTTP client sends.
      const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      const ended = new Promise((resolve) => socket.once('end', resolve));
      socket.write(
        `POST /api/v1/missions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `${Object.entries(headers)
            .map(([name, value]) => `${name}: ${value}\r\n`)
            .join('')}\r\n${body.slice(0, 10)}`,
      );
      // The headers reach the service before the signal does (a busy machine may take a while to read them).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const exited = exitOf(service);
      service.child.kill('SIGTERM');

      await expect(refusedWithin(`${service.url}/health/live`, 10_000)).resolves.toBe(true);
      socket.write(body.slice(10));
      await ended;
      expect(answer).toMatch(/^HTTP\/1\.1 201 /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
      expect(await exited).toMatchObject({ code: 0, signal: null });
    } finally {
      await service.kill();
      await store.dispose();
    }
  }, 30_000);
});

describe('graceful shutdown with event streams open', () => {
  it('ends the streams at the signal instead of draining them until the deadline, then exits 0', async () => {
    const store = sqliteStore('shutdown');
    const service = await startOn(store);
    try {
      const url = `${service.url}/api/v1/events/stream`;
      const streams = await Promise.all([1, 2].map(() => EventStreamClient.open(url, bearer('reviewer'))));
      await Promise.all(streams.map((stream) => stream.until(() => stream.retries.length > 0)));
      const exited = exitOf(service);
      const signalledAt = Date.now();
      service.child.kill('SIGTERM');

      await Promise.all(streams.map((stream) => stream.ended));
      // The drain alone would hold them until it cuts what is still open, at the deadline less a fifth.
      expect(Date.now() - signalledAt).toBeLessThan(DEADLINE_MS / 4);
      const exit = await exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalledAt).toBeLessThan(DEADLINE_MS / 2);
    } finally {
      await service.kill();
      await store.dispose();
    }
  }, 30_000);
});

/** Whether new connections to `url` are refused before `deadlineMs` has passed. */
async function refusedWithin(url: string, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      await fetchService(url);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
