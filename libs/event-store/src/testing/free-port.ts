import { createServer } from 'node:net';

/**
 * A port free on loopback right now, so that parallel or repeated runs do not collide: one the system just handed
 * out and took back, on which nothing listens.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
