import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiQuery, type ApiQueryOptions } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

// A query parameter a route does not take is refused rather than ignored: a misspelt filter (`?projetId=`) would
// otherwise answer the whole unfiltered log as if it had been applied. What a route takes is what it declares for
// its OpenAPI description, through QueryParameter: declaring a parameter is the one change that lets it in.

const DECLARED = Symbol('declared query parameters');

/** One query parameter of a route, described in the OpenAPI document and let through by UndeclaredQueryInterceptor. */
export function QueryParameter(options: ApiQueryOptions & { readonly name: string }): MethodDecorator {
  return (prototype, method, descriptor) => {
    const handler = descriptor.value as object;
    Reflect.defineMetadata(DECLARED, [...declaredQueryParameters(handler), options.name], handler);
    // A query parameter is text unless it says otherwise: a client is not left to guess.
    const typed = ['type', 'schema', 'enum'].some((key) => key in options);
    return ApiQuery(typed ? options : { ...options, type: String })(prototype, method, descriptor);
  };
}

/** The query parameters a route handler declares, none when it declares none. */
export function declaredQueryParameters(handler: object): readonly string[] {
  return (Reflect.getMetadata(DECLARED, handler) as readonly string[] | undefined) ?? [];
}

/** Names sent are the client's: a long one is shortened, and a flood of them is not echoed back in full. */
const NAMES_LISTED = 20;
const NAME_SHOWN = 64;

/** The query string carries parameters its route does not declare (HTTP 400 `invalid_query`, naming each). */
export class UndeclaredQueryParametersError extends Error {
  readonly code = 'invalid_query';
  /** The first of them, each shortened. */
  readonly parameters: readonly string[];
  /** How many were sent, listed or not. */
  readonly count: number;

  constructor(
    parameters: readonly string[],
    /** The parameters the endpoint takes. */
    readonly declared: readonly string[],
  ) {
    const shown = parameters.slice(0, NAMES_LISTED).map((name) => JSON.stringify(name.slice(0, NAME_SHOWN)));
    const more = parameters.length > shown.length ? ` and ${parameters.length - shown.length} more` : '';
    const takes = declared.length === 0 ? 'takes no query parameter' : `takes only ${[...declared].sort().join(', ')}`;
    super(
      `unknown query parameter${parameters.length === 1 ? '' : 's'} ${shown.join(', ')}${more}: this endpoint ${takes}`,
    );
    this.name = 'UndeclaredQueryParametersError';
    this.parameters = parameters.slice(0, NAMES_LISTED).map((name) => name.slice(0, NAME_SHOWN));
    this.count = parameters.length;
  }
}

/** Refuses, before the handler runs, a request whose query string names a parameter its route does not declare. */
@Injectable()
export class UndeclaredQueryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const declared = declaredQueryParameters(context.getHandler());
      const query = context.switchToHttp().getRequest<Request>().query as Record<string, unknown>;
      const undeclared = Object.keys(query).filter((name) => !declared.includes(name));
      if (undeclared.length > 0) throw new UndeclaredQueryParametersError(undeclared, declared);
    }
    return next.handle();
  }
}
