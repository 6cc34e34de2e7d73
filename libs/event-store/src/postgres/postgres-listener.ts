// The event store's LISTEN connection, watched: it carries no queries of its own, so a server or proxy gone silent
// would leave it waiting for notifications forever without the ping.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client, ClientConfig } from 'pg';
import { Backoff } from '../backoff';
import { boundedClient, describeServer, pingQuery } from './postgres-connection';
import { quoteIdentifier } from './postgres-schema';

export interface PostgresListenerOptions {
  readonly config: ClientConfig & { readonly connectionString: string };
  readonly channel: string;
  /** How often the connection is pinged, and the longest pause between two attempts to re-open it. */
  readonly heartbeatMs: number;
  /** How long a ping may take before the connection counts as gone. */
  readonly pingTimeoutMs: number;
  readonly onNotification: (payload: string) => void;
  /** Listening again after an outage: the notifications sent meanwhile were lost. */
  readonly onReconnected: () => void;
  readonly log: (message: string) => void;
}

/**
 * Keeps one connection listening on the channel: pings it every heartbeat and re-opens it, with backoff, when it
 * errors or stays silent. Each outage is logged once when it starts and once when it ends, not at every attempt.
 */
export class PostgresListener {
  private client: Client | undefined;
  private watching: Promise<void> | undefined;
  private firstAttempt: Promise<void> | undefined;
  private outageSince: number | undefined;
  private readonly stopping = new AbortController();
  private readonly backoff: Backoff;

  constructor(private readonly options: PostgresListenerOptions) {
    this.backoff = new Backoff(Math.min(100, options.heartbeatMs), options.heartbeatMs);
  }

  /** Starts watching (once); resolves after the first attempt to listen, whether it succeeded or not. */
  start(): Promise<void> {
    if (this.watching === undefined) {
      this.firstAttempt = this.connect().catch((error: unknown) => this.lost(error));
      this.watching = this.watch();
    }
    return this.firstAttempt as Promise<void>;
  }

  async close(): Promise<void> {
    this.stopping.abort();
    this.drop();
    await this.watching;
  }

  private async watch(): Promise<void> {
    await this.firstAttempt;
    const { signal } = this.stopping;
    while (!signal.aborted) {
      try {
        await sleep(this.client === undefined ? this.backoff.next() : this.options.heartbeatMs, undefined, { signal });
        if (this.client === undefined) await this.connect();
        else await this.client.query(pingQuery(this.options.pingTimeoutMs));
      } catch (error) {
        if (!signal.aborted) this.lost(error);
      }
    }
  }

  private async connect(): Promise<void> {
    const client = boundedClient(this.options.config);
    client.on('notification', (message) => {
      if (message.payload !== undefined) this.options.onNotification(message.payload);
    });
    client.on('error', (error) => {
      if (this.client === client) this.lost(error);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(this.options.channel)}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopping.signal.aborted) {
      void client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoff.reset();
    if (this.outageSince !== undefined) {
      this.options.log(
        `LISTEN connection to ${this.server()} restored after ${Math.round(performance.now() - this.outageSince)} ms`,
      );
      this.outageSince = undefined;
      this.options.onReconnected();
    }
  }

  /** The connection errored or stayed silent: dropped, to be re-opened; logged at the outage's start only. */
  private lost(error: unknown): void {
    this.drop();
    if (this.outageSince !== undefined) return;
    this.outageSince = performance.now();
    this.options.log(
      `LISTEN connection to ${this.server()} failed, re-opening it with backoff: ${(error as Error)?.message ?? error}`,
    );
  }

  private drop(): void {
    const client = this.client;
    this.client = undefined;
    // Not awaited: ending a connection to a silent server waits for an answer that may never come.
    void client?.end().catch(() => undefined);
  }

  private server(): string {
    return describeServer(this.options.config.connectionString);
  }
}
