import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How often, during the drain, connections with no request are closed. Not at once: a request already in the
 * socket's buffer, not yet read (the event loop was busy), would look idle and be cut.
 */
const IDLE_SWEEP_MS = 500;

/**
 * Drains an HTTP server before shutdown. Node's `server.close()` only stops accepting connections: keep-alive clients
 * under load never leave an open connection idle, so it would wait for ever. During the drain every response says
 * `Connection: close`, so each connection ends after the request it is serving, and idle ones are closed.
 */
export class HttpDrain {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();

  constructor(private readonly server: Server) {
    // Before Express's own listener: a request read during the drain is marked before anything can answer it.
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => this.follow(response));
  }

  /** Requests read and not yet answered. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Stops accepting connections and lets the requests already read finish. Resolves true once every connection has
   * closed, or false at `deadlineMs`, when the connections still open are cut.
   */
  drain(deadlineMs: number): Promise<boolean> {
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    return new Promise((resolve) => {
      const sweep = setInterval(() => this.server.closeIdleConnections(), IDLE_SWEEP_MS);
      const deadline = setTimeout(() => {
        clearInterval(sweep);
        this.server.closeAllConnections();
        resolve(false);
      }, deadlineMs);
      // net's close, not http's: http's also closes the idle connections at once, the unread requests with them.
      NetServer.prototype.close.call(this.server, () => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve(true);
      });
    });
  }

  private follow(response: ServerResponse): void {
    if (this.draining) response.setHeader('Connection', 'close');
    this.inFlight.add(response);
    response.once('close', () => this.inFlight.delete(response));
  }
}
