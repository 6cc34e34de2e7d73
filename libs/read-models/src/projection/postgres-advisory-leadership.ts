import {
  boundedClient,
  boundedConnectionConfig,
  DEFAULT_POSTGRES_TIMEOUTS,
  endClientWithin,
  pingQuery,
  type PostgresTimeouts,
} from '@portfolio/event-store';
import type { Client } from 'pg';
import type { ProjectionLeadership } from './projection-leadership';

export interface PostgresAdvisoryLeadershipOptions {
  readonly databaseUrl: string;
  /** The read models' schema: one leader per schema. */
  readonly schema: string;
  /** Bounds of the lock's connection (default DEFAULT_POSTGRES_TIMEOUTS). */
  readonly timeouts?: PostgresTimeouts;
}

/**
 * Leadership as a session-level advisory lock on a connection of its own: PostgreSQL releases it the moment the
 * leader's session ends (crash, kill -9, network loss), and the next standby to try takes it.
 */
export class PostgresAdvisoryLeadership implements ProjectionLeadership {
  private client: Client | undefined;
  private held = false;
  private readonly lockName: string;
  private readonly timeouts: PostgresTimeouts;

  constructor(private readonly options: PostgresAdvisoryLeadershipOptions) {
    this.lockName = `portfolio-ledger:projections:${options.schema}`;
    this.timeouts = options.timeouts ?? DEFAULT_POSTGRES_TIMEOUTS;
  }

  get leading(): boolean {
    return this.held;
  }

  async tryLead(): Promise<boolean> {
    try {
      const client = await this.connection();
      if (this.held) {
        // Still connected means still locked; the round trip finds a connection that died or went silent.
        await client.query(pingQuery(this.timeouts.connectMs));
        return this.held;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        this.lockName,
      ]);
      this.held = rows[0].locked;
    } catch {
      this.drop();
    }
    return this.held;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    // Ending the session releases the lock.
    if (client !== undefined) await endClientWithin(client, this.timeouts.connectMs);
  }

  private async connection(): Promise<Client> {
    if (this.client !== undefined) return this.client;
    const client = boundedClient({
      ...boundedConnectionConfig(this.options.databaseUrl, this.timeouts),
      application_name: 'portfolio-ledger projections',
    });
    client.on('error', () => {
      if (this.client === client) this.drop();
    });
    client.on('end', () => {
      if (this.client === client) this.drop();
    });
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.drop();
      throw error;
    }
    return client;
  }

  private drop(): void {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    void client?.end().catch(() => undefined);
  }
}
