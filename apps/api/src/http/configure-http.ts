import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ProblemFilter, sendProblem } from './problem.filter';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import { flattenValidationErrors, RequestValidationError } from './request-validation.error';

/** A batch of 10,000 measurements is about 2 MB of JSON; anything much larger is refused with 413. */
export const BODY_LIMIT = '4mb';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** Commands take JSON only: anything else is refused with 415 rather than read as an empty body. */
function requireJsonBodies(request: Request, response: Response, next: NextFunction): void {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody || request.is(JSON_TYPES)) return next();
  const body = problem(415, 'unsupported_media_type', 'send the command as application/json', {
    instance: request.originalUrl.split('?')[0],
  });
  response.status(415).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * Body parsing, validation and error rendering, in one place for the service and its tests. Body-parser errors
 * (413, malformed JSON) happen before Nest routes the request, so an Express error handler renders them too.
 */
export function configureHttp(app: INestApplication): void {
  const logger = new Logger('HTTP');
  app.use(requireJsonBodies);
  app.use(express.json({ limit: BODY_LIMIT, type: JSON_TYPES }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    sendProblem(error, request, response, logger);
  });
  app.useGlobalFilters(new ProblemFilter());
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
