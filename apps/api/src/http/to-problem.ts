import { HttpException } from '@nestjs/common';
import { CheckpointRefusedError } from '@portfolio/audit';
import {
  ConcurrencyConflictError,
  DataSubjectNotFoundError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
} from '@portfolio/application';
import { CosignatureRefusedError, type CosignatureRefusal } from '@portfolio/audit';
import { DomainError, type DomainErrorKind } from '@portfolio/domain';
import { StoreUnavailableError } from '@portfolio/event-store';
import {
  InvalidQueryError,
  NotProjectionLeaderError,
  ProjectionsBehindError,
  ReadModelNotFoundError,
  type Language,
  type Localised,
} from '@portfolio/read-models';
import { EventStreamsUnavailableError } from '../reads/event-streams-unavailable.error';
import { CrossSiteRequestRefused } from '../session/browser-session';
import { UndeclaredQueryParametersError } from './declared-query';
import { frenchDomainDetail } from './domain-problem-details';
import { problem, type ProblemDocument } from './problem';
import {
  FRENCH_BODY_REFUSALS,
  FRENCH_CHECKPOINT_REFUSALS,
  FRENCH_COSIGNATURE_REFUSALS,
  FRENCH_DETAILS,
  FRENCH_EVENT_STREAM_REFUSALS,
  FRENCH_HTTP_DETAILS,
  FRENCH_HTTP_OTHER,
} from './problem-details';
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

/**
 * A problem of Express or Nest (authentication, readiness, unknown routes): in French, its status's sentence, then the
 * error's own words, which name what an operator must fix (the readiness check at fault, the variable to set) and are
 * not in any catalogue yet. Words that may not be exposed are not given in either language.
 */
function httpProblem(
  status: number,
  english: string | undefined,
  language: Language,
  instance: string,
): ProblemDocument {
  const code = codeFromStatus(status);
  const french = FRENCH_HTTP_DETAILS[code] ?? FRENCH_HTTP_OTHER;
  const detail =
    english === undefined ? { en: 'request refused', fr: french } : { en: english, fr: `${french} — ${english}` };
  return problem(status, code, detail, language, { instance });
}

function fromHttpException(error: HttpException, language: Language, instance: string): ProblemDocument {
  const response = error.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? String((response as { message: unknown }).message)
      : error.message;
  return httpProblem(error.getStatus(), message, language, instance);
}

/** The problems of the domain's and the application's refusals, whose details come from the catalogues. */
function refusalProblem(error: unknown, language: Language, instance: string): ProblemDocument | undefined {
  if (error instanceof DomainError) {
    const detail = { en: error.message, fr: frenchDomainDetail(error) };
    const errors = error.path === undefined ? undefined : [{ path: error.path, message: detail[language] }];
    return problem(STATUS_OF_KIND[error.kind], error.code, detail, language, { instance, errors });
  }
  if (error instanceof PreconditionFailedError) {
    return problem(412, error.code, { en: error.message, fr: FRENCH_DETAILS.revision_mismatch(error) }, language, {
      instance,
    });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    const fr = FRENCH_DETAILS.idempotency_key_reused(error);
    return problem(422, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof ConcurrencyConflictError) {
    const fr = FRENCH_DETAILS.concurrency_conflict(error);
    return problem(409, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof DataSubjectNotFoundError) {
    const fr = FRENCH_DETAILS.data_subject_not_found(error);
    return problem(404, error.code, { en: error.message, fr }, language, { instance });
  }
  return undefined;
}

function undeclared(name: string): Localised {
  return {
    en: `${name} is not a query parameter of this endpoint`,
    fr: FRENCH_DETAILS.undeclared_query_parameter(name),
  };
}

/** The problems of a request refused before any command or query runs: its body, its fields, its query string. */
function requestProblem(error: unknown, language: Language, instance: string): ProblemDocument | undefined {
  if (error instanceof CrossSiteRequestRefused) {
    return problem(403, error.code, { en: error.message, fr: FRENCH_DETAILS.cross_site_request }, language, {
      instance,
    });
  }
  if (error instanceof RequestBodyRefusedError) {
    const fr = FRENCH_BODY_REFUSALS[error.code];
    return problem(error.status, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof RequestValidationError) {
    const fields = error.errorsIn(language);
    const fr = FRENCH_DETAILS.validation_failed(
      fields.map((field) => field.path),
      error.count,
    );
    return problem(400, 'validation_failed', { en: error.message, fr }, language, { instance, errors: fields });
  }
  if (error instanceof InvalidQueryError) {
    const detail = { en: error.message, fr: FRENCH_DETAILS.invalid_query(error) };
    const errors = [{ path: `${error.location}.${error.parameter}`, message: detail[language] }];
    return problem(400, error.code, detail, language, { instance, errors });
  }
  if (error instanceof UndeclaredQueryParametersError) {
    const fr = FRENCH_DETAILS.undeclared_query_parameters(error);
    const errors = error.parameters.map((name) => ({ path: `query.${name}`, message: undeclared(name)[language] }));
    return problem(400, error.code, { en: error.message, fr }, language, { instance, errors });
  }
  return undefined;
}

/** The problems of the audit trail and of the storage and read side's state. */
function serviceProblem(error: unknown, language: Language, instance: string): ProblemDocument | undefined {
  if (error instanceof CosignatureRefusedError) {
    const fr = FRENCH_COSIGNATURE_REFUSALS[error.code];
    return problem(STATUS_OF_COSIGNATURE_REFUSAL[error.code], error.code, { en: error.message, fr }, language, {
      instance,
    });
  }
  if (error instanceof ReadModelNotFoundError) {
    const fr = FRENCH_DETAILS.read_model_not_found(error);
    return problem(404, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof ProjectionsBehindError) {
    const fr = FRENCH_DETAILS.projections_behind(error);
    return problem(503, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof EventStreamsUnavailableError) {
    const fr = FRENCH_EVENT_STREAM_REFUSALS[error.code](error);
    return problem(503, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof NotProjectionLeaderError) {
    const fr = FRENCH_DETAILS.not_projection_leader;
    return problem(409, error.code, { en: error.message, fr }, language, { instance });
  }
  if (error instanceof StoreUnavailableError) {
    const en = `${error.description}: nothing was recorded; retry the request`;
    return problem(503, error.code, { en, fr: FRENCH_DETAILS.store_unavailable(error) }, language, {
      instance,
      storage: { cause: error.fault, where: error.where },
    });
  }
  // The log no longer extends what the instance signed: nothing can be exported that would verify. The auditor must
  // hear why, not a generic error (the log says it too).
  if (error instanceof CheckpointRefusedError) {
    const fr = FRENCH_CHECKPOINT_REFUSALS[error.code];
    return problem(500, error.code, { en: error.message, fr }, language, { instance });
  }
  return undefined;
}

/**
 * Every error, whatever layer threw it, as an RFC 9457 problem in `language`. Anything not recognised is a defect: a
 * 500 whose body says nothing of the cause (the log does).
 */
export function toProblem(error: unknown, instance: string, language: Language): ProblemDocument {
  const known =
    requestProblem(error, language, instance) ??
    refusalProblem(error, language, instance) ??
    serviceProblem(error, language, instance);
  if (known !== undefined) return known;
  if (error instanceof HttpException) return fromHttpException(error, language, instance);
  const httpLayer = error as HttpLayerError;
  const status = httpLayer?.status ?? httpLayer?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return httpProblem(status, httpLayer.expose === false ? undefined : httpLayer.message, language, instance);
  }
  const internal = { en: 'an unexpected error occurred; it has been logged', fr: FRENCH_DETAILS.internal_error };
  return problem(500, 'internal_error', internal, language, { instance });
}
