import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { StoreUnavailableError } from '@portfolio/event-store';
import { ProjectionsBehindError } from '@portfolio/read-models';
import { EventStreamsUnavailableError } from '../reads/event-streams-unavailable.error';
import { announceLanguage, negotiateLanguage } from './language';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './to-problem';

/** Writes every error as application/problem+json (RFC 9457), in the language the request accepts. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/** Shared by the Nest filter and the Express error handler that catches body-parser errors before Nest sees them. */
export function sendProblem(error: unknown, request: Request, response: Response, logger: Logger): void {
  const instance = request.originalUrl.split('?')[0];
  const language = negotiateLanguage(request);
  const body = toProblem(error, instance, language);
  // A defect (500) is logged with its stack; a passing unavailability (503) is a warning the client retries past,
  // logged in English whatever language the client reads.
  if (body.status === 503) logger.warn(language === 'en' ? body.detail : toProblem(error, instance, 'en').detail);
  else if (body.status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (response.headersSent) return;
  announceLanguage(response, language);
  if (error instanceof ProjectionsBehindError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
  if (error instanceof StoreUnavailableError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
  if (error instanceof EventStreamsUnavailableError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
