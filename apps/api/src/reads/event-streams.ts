import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  DEFAULT_EVENT_STREAM_HEARTBEAT_MS,
  DEFAULT_EVENT_STREAMS_MAX,
  PORTFOLIO_CONFIG,
  type PortfolioConfig,
} from '@portfolio/application';
import type { Response } from 'express';
import { EventStreamsUnavailableError } from './event-streams-unavailable.error';

/**
 * The audit-log streams this instance serves: at most PORTFOLIO_EVENT_STREAMS_MAX at once, each ended when its client
 * leaves, and all of them when the instance stops. A stream never ends by itself: left open, it would hold the
 * graceful shutdown until its deadline, and Nest's close for ever.
 */
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private readonly logger = new Logger('EventStreams');
  /** Each stream's way to end it, and when it has. */
  private readonly open = new Map<AbortController, Promise<void>>();
  private stopping = false;
  private readonly max: number;
  /** How long a stream may stay silent before a keep-alive. */
  readonly heartbeatMs: number;

  constructor(@Inject(PORTFOLIO_CONFIG) config: PortfolioConfig) {
    this.max = config.eventStreamsMax ?? DEFAULT_EVENT_STREAMS_MAX;
    this.heartbeatMs = config.eventStreamHeartbeatMs ?? DEFAULT_EVENT_STREAM_HEARTBEAT_MS;
  }

  /** Streams open now. */
  get count(): number {
    return this.open.size;
  }

  /**
   * Serves one stream on `response` with `write`, which must end once its signal aborts (the client left, or the
   * instance stops). Refused before anything is written when every slot is taken or the instance is stopping. A
   * failure once the stream has begun is logged and ends it: the client reconnects from its Last-Event-ID.
   */
  async serve(response: Response, write: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.stopping) throw new EventStreamsUnavailableError('shutting_down', this.max);
    if (this.open.size >= this.max) throw new EventStreamsUnavailableError('too_many_event_streams', this.max);
    const controller = new AbortController();
    const leave = () => controller.abort();
    response.once('close', leave);
    const written = write(controller.signal).finally(() => {
      this.open.delete(controller);
      response.off('close', leave);
    });
    this.open.set(
      controller,
      written.catch(() => undefined),
    );
    try {
      await written;
    } catch (error) {
      if (!response.headersSent) throw error;
      this.logger.error(`an event stream failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      response.end();
    }
  }

  /** Ends every stream, and refuses new ones; resolves once they have ended. */
  async closeAll(): Promise<void> {
    this.stopping = true;
    for (const controller of this.open.keys()) controller.abort();
    await Promise.all(this.open.values());
  }

  onModuleDestroy(): Promise<void> {
    return this.closeAll();
  }
}
