import { Logger, type INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { HttpDrain } from './http/http-drain';
import { EventStreams } from './reads/event-streams';

/** What closing the application (projections, checkpoints, stores) keeps of the timeout, at most. */
const CLOSING_RESERVE_MS = 2_000;

/**
 * SIGTERM or SIGINT: stop accepting connections, end the event streams, answer the requests already read (with
 * `Connection: close`), then close the application and exit 0, all within `timeoutMs`; past it, exit 1. A second
 * signal exits at once.
 * This replaces Nest's `enableShutdownHooks`, whose `app.close()` closes the stores before the HTTP server, under the
 * requests still running.
 */
export function closeGracefullyOnSignal(app: INestApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  const drain = new HttpDrain(app.getHttpServer() as Server);
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      logger.warn(`${signal} again: exiting without waiting for the requests in flight`);
      process.exit(1);
    }
    signalled = true;
    logger.log(
      `${signal}: no longer accepting connections; answering ${drain.pending} request(s) in flight, ` +
        `then closing (at most ${timeoutMs} ms)`,
    );
    setTimeout(() => {
      logger.error(`not closed within ${timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    void shutDown(app, drain, timeoutMs, logger);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function shutDown(app: INestApplication, drain: HttpDrain, timeoutMs: number, logger: Logger): Promise<void> {
  const drainMs = timeoutMs - Math.min(CLOSING_RESERVE_MS, timeoutMs / 5);
  const drained = drain.drain(drainMs);
  // Event streams never end by themselves: the drain would wait for them until its deadline.
  await app.get(EventStreams).closeAll();
  if (!(await drained)) logger.warn(`requests still running after ${drainMs} ms were cut`);
  try {
    await app.close();
  } catch (error) {
    logger.error(`closing failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  }
  logger.log('closed');
  process.exit(0);
}
