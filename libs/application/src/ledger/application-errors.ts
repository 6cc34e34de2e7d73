/** Refusals decided by the application layer rather than the domain; the API maps each to its status. */
export abstract class ApplicationError extends Error {
  abstract readonly code: string;
}

/** `If-Match` named another revision than the stream's current one (HTTP 412). */
export class PreconditionFailedError extends ApplicationError {
  readonly code = 'revision_mismatch';
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly actual: bigint | undefined,
  ) {
    super(
      `${streamId} is at revision ${actual === undefined ? 'none (it does not exist)' : actual}, not ${expected}: reload it and decide again`,
    );
    this.name = 'PreconditionFailedError';
  }
}

/** The Idempotency-Key was already used for a different command (HTTP 422). */
export class IdempotencyKeyReusedError extends ApplicationError {
  readonly code = 'idempotency_key_reused';
  constructor(readonly commandId: string) {
    super(`Idempotency-Key ${commandId} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Other writers kept changing the stream while the command was retried (HTTP 409): the client may retry later. */
export class ConcurrencyConflictError extends ApplicationError {
  readonly code = 'concurrency_conflict';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`${streamId} changed under ${attempts} successive attempts; retry the command`);
    this.name = 'ConcurrencyConflictError';
  }
}
