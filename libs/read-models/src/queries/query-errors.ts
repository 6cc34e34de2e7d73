/** What a query parameter must be, so that its refusal can be told in another language than its message's. */
export type QueryExpectation =
  | { readonly kind: 'position'; readonly max: string }
  | { readonly kind: 'instant' | 'as_of' | 'date' | 'territory' }
  | { readonly kind: 'known_release'; readonly release: string }
  | { readonly kind: 'limit'; readonly max: number }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'distinct_choices'; readonly choices: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'search'; readonly maxLength: number };

/** Where a parameter was given: the query string, or a request header (an event stream's Last-Event-ID). */
export type ParameterLocation = 'query' | 'header';

/** A query parameter that cannot be used (HTTP 400), with the parameter's name and, when said, what it must be. */
export class InvalidQueryError extends Error {
  readonly code = 'invalid_query';
  constructor(
    readonly parameter: string,
    message: string,
    readonly expected?: QueryExpectation,
    readonly location: ParameterLocation = 'query',
  ) {
    super(message);
    this.name = 'InvalidQueryError';
  }
}

/** The read models have not reached the requested position within the wait (HTTP 503 with Retry-After). */
export class ProjectionsBehindError extends Error {
  readonly code = 'projections_behind';
  constructor(
    readonly requested: bigint,
    readonly reached: bigint,
    readonly retryAfterSeconds: number,
  ) {
    super(`the read models are at position ${reached}, not yet at ${requested}; retry shortly`);
    this.name = 'ProjectionsBehindError';
  }
}

/** The resource does not exist at the requested (at, asOf) (HTTP 404). */
export class ReadModelNotFoundError extends Error {
  readonly code: string;
  constructor(
    readonly subject: 'mission' | 'project' | 'review_cycle' | 'indicator',
    readonly id: string,
  ) {
    super(`${subject.replace('_', ' ')} ${id} is not known at the requested time`);
    this.code = `${subject}_not_found`;
    this.name = 'ReadModelNotFoundError';
  }
}
