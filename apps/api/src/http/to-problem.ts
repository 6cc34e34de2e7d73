import { HttpException } from '@nestjs/common';
import { CheckpointRefusedError } from '@portfolio/audit';
import { ConcurrencyConflictError, IdempotencyKeyReusedError, PreconditionFailedError } from '@portfolio/application';
import { CosignatureRefusedError, type CosignatureRefusal } from '@portfolio/audit';
import { DomainError, type DomainErrorKind } from '@portfolio/domain';
import { StoreUnavailableError } from '@portfolio/event-store';
import {
  InvalidQueryError,
  NotProjectionLeaderError,
  ProjectionsBehindError,
  ReadModelNotFoundError,
} from '@portfolio/read-models';
import { UndeclaredQueryParametersError } from './declared-query';
import { problem, type ProblemDocument } from './problem';
import { RequestBodyRefusedError } from './request-body-refused.error';
import { RequestValidationError } from './request-validation.error';

const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

const STATUS_OF_COSIGNATURE_REFUSAL: Readonly<Record<CosignatureRefusal, number>> = {
  malformed_cosignature: 400,
  // As a C2SP witness answers a checkpoint no key it trusts signed.
  unknown_witness: 403,
  unknown_checkpoint: 404,
  checkpoint_mismatch: 409,
  too_many_cosignatures: 409,
  invalid_cosignature: 422,
};

/** Express's own errors carry a status. */
interface HttpLayerError {
  readonly status?: number;
  readonly statusCode?: number;
  readonly expose?: boolean;
  readonly message: string;
}

function codeFromStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'body_too_large',
    415: 'unsupported_media_type',
    429: 'too_many_requests',
  };
  return codes[status] ?? `http_${status}`;
}

function fromHttpException(error: HttpException, instance: string): ProblemDocument {
  const status = error.getStatus();
  const response = error.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? String((response as { message: unknown }).message)
      : error.message;
  return problem(status, codeFromStatus(status), message, { instance });
}

/**
 * Every error, whatever layer threw it, as an RFC 9457 problem. Anything not recognised is a defect: a 500 whose
 * body says nothing of the cause (the log does).
 */
export function toProblem(error: unknown, instance: string): ProblemDocument {
  if (error instanceof RequestBodyRefusedError) return problem(error.status, error.code, error.message, { instance });
  if (error instanceof RequestValidationError) {
    return problem(400, 'validation_failed', error.message, { instance, errors: error.errors });
  }
  if (error instanceof DomainError) {
    const errors = error.path === undefined ? undefined : [{ path: error.path, message: error.message }];
    return problem(STATUS_OF_KIND[error.kind], error.code, error.message, { instance, errors });
  }
  if (error instanceof PreconditionFailedError) return problem(412, error.code, error.message, { instance });
  if (error instanceof IdempotencyKeyReusedError) return problem(422, error.code, error.message, { instance });
  if (error instanceof ConcurrencyConflictError) return problem(409, error.code, error.message, { instance });
  if (error instanceof InvalidQueryError) {
    return problem(400, error.code, error.message, {
      instance,
      errors: [{ path: `query.${error.parameter}`, message: error.message }],
    });
  }
  if (error instanceof UndeclaredQueryParametersError) {
    return problem(400, error.code, error.message, {
      instance,
      errors: error.parameters.map((name) => ({
        path: `query.${name}`,
        message: `${name} is not a query parameter of this endpoint`,
      })),
    });
  }
  if (error instanceof CosignatureRefusedError) {
    return problem(STATUS_OF_COSIGNATURE_REFUSAL[error.code], error.code, error.message, { instance });
  }
  if (error instanceof ReadModelNotFoundError) return problem(404, error.code, error.message, { instance });
  if (error instanceof ProjectionsBehindError) return problem(503, error.code, error.message, { instance });
  if (error instanceof NotProjectionLeaderError) return problem(409, error.code, error.message, { instance });
  if (error instanceof StoreUnavailableError) {
    return problem(503, error.code, `${error.description}: nothing was recorded; retry the request`, {
      instance,
      storage: { cause: error.fault, where: error.where },
    });
  }
  // The log no longer extends what the instance signed: nothing can be exported that would verify. The auditor must
  // hear why, not a generic error (the log says it too).
  if (error instanceof CheckpointRefusedError) return problem(500, error.code, error.message, { instance });
  if (error instanceof HttpException) return fromHttpException(error, instance);
  const httpLayer = error as HttpLayerError;
  const status = httpLayer?.status ?? httpLayer?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, codeFromStatus(status), httpLayer.expose === false ? 'request refused' : httpLayer.message, {
      instance,
    });
  }
  return problem(500, 'internal_error', 'an unexpected error occurred; it has been logged', { instance });
}
