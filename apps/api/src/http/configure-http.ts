import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { UndeclaredQueryInterceptor } from './declared-query';
import { ProblemFilter, sendProblem } from './problem.filter';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import { flattenValidationErrors, RequestValidationError } from './request-validation.error';
import { securityHeaders } from './security-headers';

/** A batch of 10,000 measurements is about 2 MB of JSON; anything much larger is refused with 413. */
export const BODY_LIMIT = '4mb';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * The one route that takes text: a witness's cosigned checkpoint, a C2SP signed note as witnesses write them. A note
 * with its 16 signature lines at most is a few kilobytes.
 */
const COSIGNATURES_PATH = '/api/v1/audit/checkpoint/cosignatures';
const TEXT_BODY_LIMIT = '64kb';

const isTextRoute = (request: Request) => request.path.replace(/\/$/, '').toLowerCase() === COSIGNATURES_PATH;

/** Commands take JSON only, the witnesses' route text only: anything else is 415 rather than read as an empty body. */
function requireBodyTypes(request: Request, response: Response, next: NextFunction): void {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  const text = isTextRoute(request);
  if (!hasBody || request.is(text ? ['text/plain'] : JSON_TYPES)) return next();
  const expected = text ? 'send the cosigned checkpoint note as text/plain' : 'send the command as application/json';
  const body = problem(415, 'unsupported_media_type', expected, {
    instance: request.originalUrl.split('?')[0],
  });
  response.status(415).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Deeper than any command (a redesign's changes are 4 levels): validation would recurse through it all. */
const MAX_BODY_DEPTH = 32;

function depthOf(value: unknown): number {
  // Iterative: the point is to measure a nesting too deep for recursion.
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function refuseDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (depthOf(request.body) <= MAX_BODY_DEPTH) return next();
  const body = problem(400, 'body_too_deep', `the body nests deeper than ${MAX_BODY_DEPTH} levels`, {
    instance: request.originalUrl.split('?')[0],
  });
  response.status(400).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * Requests Node's HTTP parser refuses (a request line or headers over 16 kB, a malformed request) never reach
 * Express: answer them as problems too rather than with a bare status line.
 */
function answerParserErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify(
      tooLarge
        ? problem(431, 'request_header_too_large', 'the request line and headers must stay under 16 kB')
        : problem(400, 'bad_request', 'the request is not valid HTTP'),
    );
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Security headers, body parsing, validation and error rendering, in one place for the service and its tests.
 * Body-parser errors (413, malformed JSON) happen before Nest routes the request, so an Express error handler renders
 * them too. The security headers come first, so that every response carries them, refusals included.
 */
export function configureHttp(app: INestApplication): void {
  const logger = new Logger('HTTP');
  answerParserErrorsAsProblems(app.getHttpServer() as Server);
  app.use(securityHeaders);
  app.use(requireBodyTypes);
  app.use(express.json({ limit: BODY_LIMIT, type: JSON_TYPES }));
  app.use(COSIGNATURES_PATH, express.text({ limit: TEXT_BODY_LIMIT, type: 'text/plain' }));
  app.use(refuseDeepBodies);
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendProblem(error, request, response, logger);
  });
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalInterceptors(new UndeclaredQueryInterceptor());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
    }),
  );
}
