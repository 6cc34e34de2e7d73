import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DEFAULT_REQUEST_TIMEOUT_MS, type HttpServerConfig } from '@portfolio/application';
import { DEFAULT_LANGUAGE, type Localised } from '@portfolio/read-models';
import type { NextFunction, Request, Response } from 'express';
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { UndeclaredQueryInterceptor } from './declared-query';
import { ProblemFilter, sendProblem } from './problem.filter';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDocument } from './problem';
import { FRENCH_DETAILS } from './problem-details';
import { RequestBodyInterceptor } from './request-body.interceptor';
import { flattenValidationErrors, RequestValidationError } from './request-validation.error';
import { securityHeaders } from './security-headers';

/** Headers come in one go from any real client: a client still sending them after 10 s is cut. */
const HEADERS_TIMEOUT_MS = 10_000;
/** How often Node looks for requests past their timeout (30 s by default, which would make a 60 s bound 90 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * Bounds how long a client may take to send a request: headers, then body. A client that sends its headers and then
 * trickles its body a byte at a time, authenticated or not, holds its connection no longer than this; past it Node
 * answers 408 (see answerParserErrorsAsProblems) and closes the connection.
 */
function boundRequestTime(server: Server, requestTimeoutMs: number): void {
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  // An option of http.createServer, which Nest calls; Node reads the property when the server starts listening.
  Object.assign(server, { connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS });
}

/** A request the parser refused has no headers to negotiate from: its problem is in the default language. */
function parserProblem(status: number, code: string, detail: Localised): ProblemDocument {
  return problem(status, code, detail, DEFAULT_LANGUAGE);
}

function clientErrorProblem(error: NodeJS.ErrnoException): { statusLine: string; body: ProblemDocument } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      statusLine: '431 Request Header Fields Too Large',
      body: parserProblem(431, 'request_header_too_large', {
        en: 'the request line and headers must stay under 16 kB',
        fr: FRENCH_DETAILS.request_header_too_large,
      }),
    };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      statusLine: '408 Request Timeout',
      body: parserProblem(408, 'request_timeout', {
        en: 'the request took too long to arrive',
        fr: FRENCH_DETAILS.request_timeout,
      }),
    };
  }
  const detail = { en: 'the request is not valid HTTP', fr: FRENCH_DETAILS.invalid_http };
  return { statusLine: '400 Bad Request', body: parserProblem(400, 'bad_request', detail) };
}

/**
 * Requests Node's HTTP parser refuses (a request line or headers over 16 kB, a malformed request, a request that took
 * too long to arrive) never reach Express: answer them as problems too rather than with a bare status line. Not when
 * an answer to the request has begun already: two answers would garble both.
 */
function answerParserErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // As Node's own default answer does: the response the socket is serving, if any.
    const answering = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || answering?.headersSent === true) return void socket.destroy();
    const { statusLine, body } = clientErrorProblem(error);
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${statusLine}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Language: ${DEFAULT_LANGUAGE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}

/**
 * Timeouts, security headers, body reading, validation and error rendering, in one place for the service and its
 * tests. Bodies are read after authentication (RequestBodyInterceptor), never by a middleware. Express's own errors
 * happen before Nest routes the request, so an Express error handler renders them too. The security headers come first, so that every response carries them, refusals included.
 */
export function configureHttp(app: INestApplication, config: HttpServerConfig): void {
  const logger = new Logger('HTTP');
  const server = app.getHttpServer() as Server;
  boundRequestTime(server, config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  answerParserErrorsAsProblems(server);
  app.use(securityHeaders);
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendProblem(error, request, response, logger);
  });
  app.useGlobalFilters(new ProblemFilter());
  // The query's check before the body is read: a bad query costs nothing more.
  app.useGlobalInterceptors(new UndeclaredQueryInterceptor(), new RequestBodyInterceptor(app.get(Reflector)));
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
