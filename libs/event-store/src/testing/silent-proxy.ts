// Test support: a TCP proxy in front of the test PostgreSQL server that can go silent, as a hung server, a stuck proxy
// or a partition after the handshake do: it stops forwarding in both directions, closing no socket, then resumes.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { testDatabaseUrl } from './test-database-url';

export interface SilentProxy {
  /** The test database's connection string, through the proxy. */
  readonly url: string;
  /** Stops forwarding: connections stay open, accepted ones too, and nothing goes through until `resume`. */
  silence(): void;
  /** Stops forwarding on the connections open now only, as a partition of them would: new ones go through. */
  silenceOpenConnections(): void;
  resume(): void;
  close(): Promise<void>;
}

/** A proxy on a free loopback port forwarding to the server of `target` (default: the test database). */
export async function startSilentProxy(target = testDatabaseUrl()): Promise<SilentProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let silent = false;
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (silent) socket.pause();
  };
  const server: Server = createServer((client) => {
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    track(client);
    track(server);
    // Not pipe(): a paused socket must not be resumed behind our back when the other side drains.
    client.on('data', (chunk) => server.write(chunk));
    server.on('data', (chunk) => client.write(chunk));
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    silence: () => {
      silent = true;
      for (const socket of sockets) socket.pause();
    },
    silenceOpenConnections: () => {
      for (const socket of sockets) socket.pause();
    },
    resume: () => {
      silent = false;
      for (const socket of sockets) socket.resume();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
