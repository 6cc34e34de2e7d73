import { Agent, createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpDrain } from './http-drain';

/** A server whose responses wait until the test answers them. */
async function startServer(): Promise<{ server: Server; url: string; waiting: ServerResponse[] }> {
  const waiting: ServerResponse[] = [];
  const server = createServer((_request, response) => void waiting.push(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, waiting };
}

function get(url: string, agent: Agent): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    })
      .on('error', reject)
      .end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('HttpDrain', () => {
  const agent = new Agent({ keepAlive: true });
  afterAll(() => agent.destroy());

  it('answers the request in flight with Connection: close, then resolves once every connection is closed', async () => {
    const { server, url, waiting } = await startServer();
    const drain = new HttpDrain(server);
    const answer = get(url, agent);
    await until(() => waiting.length === 1);
    expect(drain.pending).toBe(1);
    const drained = drain.drain(5_000);
    waiting[0].end('done');
    expect((await answer).headers.connection).toBe('close');
    expect(await drained).toBe(true);
    expect(server.listening).toBe(false);
  });

  it('closes a keep-alive connection that carries no request', async () => {
    const { server, url, waiting } = await startServer();
    const drain = new HttpDrain(server);
    const answer = get(url, agent);
    await until(() => waiting.length === 1);
    waiting[0].end('done');
    expect((await answer).headers.connection).toBe('keep-alive');
    const started = Date.now();
    expect(await drain.drain(5_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('cuts what is still open at the deadline, and says so', async () => {
    const { server, url, waiting } = await startServer();
    const drain = new HttpDrain(server);
    const answer = get(url, agent);
    await until(() => waiting.length === 1);
    expect(await drain.drain(200)).toBe(false);
    await expect(answer).rejects.toThrow(/socket hang up|ECONNRESET/);
    await new Promise((resolve) => server.close(resolve));
  });
});
