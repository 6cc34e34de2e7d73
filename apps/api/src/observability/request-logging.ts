import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { DEFAULT_LOG_LEVEL, type LogLevel } from '@portfolio/application';
import { principalOf } from '../auth/principal-of';
import { CORRELATION_ID_HEADER, correlationIdOf } from '../http/correlation-id';
import { requestPathOf, routeTemplateOf } from './route-template';

/**
 * Defence in depth: the request line below is built from named fields only, and never holds a header; should a
 * request or its headers ever be logged whole, credentials still are not.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/** The completed request, as one log line says it. */
function requestFields(request: IncomingMessage, response: ServerResponse, durationMs: number) {
  const principal = principalOf(request);
  return {
    method: request.method,
    path: requestPathOf(request),
    route: routeTemplateOf(request),
    status: response.statusCode,
    durationMs,
    ...(principal === undefined ? {} : { principalId: principal.id }),
  };
}

/**
 * Probes answered as they should be: a platform's health checks and Prometheus's scrapes come every few seconds, and
 * would drown the requests people make. Logged at `debug`; a probe refused or failing keeps its level.
 */
const PROBE_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

function levelOf(request: IncomingMessage, response: ServerResponse, error: Error | undefined): Level {
  if (error !== undefined || response.statusCode >= 500) return 'error';
  return response.statusCode < 300 && PROBE_ROUTES.has(routeTemplateOf(request)) ? 'debug' : 'info';
}

/** The line's message, for people reading the log: `GET /api/v1/projects/franceconnect 200`. */
const summaryOf = (request: IncomingMessage, response: ServerResponse) =>
  `${request.method} ${requestPathOf(request)} ${response.statusCode}`;

/** A request as nestjs-pino finds its logger, to bind the lines logged while handling it to the request's id. */
type LoggedMessage<T> = T & { log?: Logger };

/**
 * The service's structured log: JSON lines through pino, one per request with its request id (the correlation id its
 * events record), the authenticated principal, the route, the status and the duration. Every other log line of the
 * application goes through the same logger (nestjs-pino), inside a request bound to the request's id.
 *
 * The request middleware is ours rather than pino-http's: with both of its request loggers quiet, pino-http still
 * builds a third per request, serialising and redacting the whole request for a logger nothing logs through.
 */
export class RequestLogging {
  readonly logger: Logger;

  constructor(level: LogLevel = DEFAULT_LOG_LEVEL, destination?: DestinationStream) {
    const options = {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    };
    this.logger = destination === undefined ? pino(options) : pino(options, destination);
  }

  /** Express middleware: the request's logger for the lines logged while handling it, and one line once it is over. */
  readonly middleware = (request: LoggedMessage<IncomingMessage>, response: ServerResponse, next: () => void): void => {
    const start = Date.now();
    const requestId = correlationIdOf(request);
    response.setHeader(CORRELATION_ID_HEADER, requestId);
    const log = this.logger.child({ requestId });
    request.log = log;
    // The first of these to happen ends the request: finished, cut short by the client, or failed while answering.
    const complete = (error?: Error): void => {
      response.removeListener('close', complete);
      response.removeListener('finish', complete);
      response.removeListener('error', complete);
      log[levelOf(request, response, error)](
        requestFields(request, response, Date.now() - start),
        summaryOf(request, response),
      );
    };
    response.on('close', complete);
    response.on('finish', complete);
    response.on('error', complete);
    next();
  };
}
