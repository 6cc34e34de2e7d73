import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
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

function levelOf(request: IncomingMessage, response: ServerResponse, error: Error | undefined): LevelWithSilent {
  if (error !== undefined || response.statusCode >= 500) return 'error';
  return response.statusCode < 300 && PROBE_ROUTES.has(routeTemplateOf(request)) ? 'debug' : 'info';
}

/** The line's message, for people reading the log: `GET /api/v1/projects/franceconnect 200`. */
const summaryOf = (request: IncomingMessage, response: ServerResponse) =>
  `${request.method} ${requestPathOf(request)} ${response.statusCode}`;

/**
 * The service's structured log: JSON lines through pino, one per request with its request id (the correlation id its
 * events record), the authenticated principal, the route, the status and the duration. Every other log line of the
 * application goes through the same logger (nestjs-pino), inside a request bound to the request's id.
 */
export class RequestLogging {
  readonly logger: Logger;
  readonly middleware: HttpLogger;

  constructor(level: LogLevel = DEFAULT_LOG_LEVEL, destination?: DestinationStream) {
    const options = {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    };
    this.logger = destination === undefined ? pino(options) : pino(options, destination);
    this.middleware = pinoHttp({
      logger: this.logger,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const id = correlationIdOf(request);
        response.setHeader(CORRELATION_ID_HEADER, id);
        return id;
      },
      customAttributeKeys: { reqId: 'requestId' },
      // Lines logged during a request carry its id, not the request itself (headers included).
      quietReqLogger: true,
      quietResLogger: true,
      customLogLevel: levelOf,
      customSuccessMessage: (request, response) => summaryOf(request, response),
      customErrorMessage: (request, response) => summaryOf(request, response),
      customSuccessObject: (request, response, fields: { responseTime?: number }) =>
        requestFields(request, response, fields.responseTime ?? 0),
      // A defect's stack is logged where it is caught (ProblemFilter), under the same request id.
      customErrorObject: (request, response, _error, fields: { responseTime?: number }) =>
        requestFields(request, response, fields.responseTime ?? 0),
    });
  }
}
